package com.example;

import java.util.LinkedHashMap;
import java.util.Map;

public class Greeter {
    private int calls;

    public Map<String, Object> handle(Map<String, Object> event) {
        if (event.containsKey("fail")) {
            throw new IllegalArgumentException("asked to fail");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("greeting", "Hello, " + event.get("name"));
        out.put("call", ++calls);
        return out;
    }
}
