package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;

import java.util.LinkedHashMap;
import java.util.Map;

public class SignupHandler {
    public Map<String, Object> handle(Signup signup) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", signup.userName);
        out.put("since", signup.signedUp);
        // which Jackson the handler's own code sees
        out.put("jackson", PackageVersion.VERSION.toString());
        out.put("jacksonIsMine", ObjectMapper.class.getClassLoader() == SignupHandler.class.getClassLoader());
        out.put("seesPluginClasses", visible("io.github.fgtools.functiongraph.run.LocalRunner")
                || visible("org.apache.hc.client5.http.classic.HttpClient"));
        return out;
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
