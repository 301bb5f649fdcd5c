package com.example;

import com.huawei.services.runtime.Context;
import com.huawei.services.runtime.RuntimeLogger;

public class ContextHandler {
    public String handle(String name, Context context) {
        RuntimeLogger logger = context.getLogger();
        logger.info("request " + context.getRequestID() + " for " + context.getFunctionName());
        logger.warn("remaining " + context.getRemainingTimeInMilliSeconds() + " ms");
        boolean keyReady = "not-for-the-log-5f1c".equals(context.getUserData("API_KEY"));
        return context.getUserData("GREETING") + ", " + name + "! package=" + context.getPackage()
                + " version=" + context.getVersion() + " memory=" + context.getMemorySize()
                + " timeout=" + context.getRunningTimeInSeconds() + " apiKey=" + (keyReady ? "set" : "missing")
                + " cpu=" + context.getCPUNumber();
    }
}
