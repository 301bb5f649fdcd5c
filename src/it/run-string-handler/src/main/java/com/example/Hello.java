package com.example;

/** Takes the event as a String, returns a String: printed as is. */
public class Hello {
    public String handle(String event) {
        return "Hello from FunctionGraph, event " + event;
    }
}
