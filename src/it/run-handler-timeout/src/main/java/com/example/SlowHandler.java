package com.example;

public class SlowHandler {
    public String handle(String event) throws InterruptedException {
        Thread.sleep(120_000);
        return "too late";
    }
}
