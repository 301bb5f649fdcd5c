package com.example;

public class Handler {
    public String handle(String event) {
        return "{\"ok\": true}";
    }
}
