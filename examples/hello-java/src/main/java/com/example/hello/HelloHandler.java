package com.example.hello;

import org.apache.commons.lang3.StringUtils;

/** A FunctionGraph Java handler: the event comes in as a String, the result goes out as one. */
public class HelloHandler {
    public String handleRequest(String event) {
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        return "{\"message\": \"" + greeting + ", " + StringUtils.defaultIfBlank(event, "world").trim() + "\"}";
    }
}
