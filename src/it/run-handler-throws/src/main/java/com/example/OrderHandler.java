package com.example;

public class OrderHandler {
    public String handle(String event) {
        try {
            return "quantity " + quantity(event);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read the order " + event, e);
        }
    }

    private int quantity(String event) {
        return Integer.parseInt(event);
    }
}
