package com.huawei.services.runtime;

/** The methods of FunctionGraph's Java runtime Context, by name and signature. */
public interface Context {
    String getRequestID();

    int getRemainingTimeInMilliSeconds();

    String getAccessKey();

    String getSecretKey();

    String getSecurityAccessKey();

    String getSecuritySecretKey();

    String getSecurityToken();

    String getToken();

    String getUserData(String key);

    String getFunctionName();

    int getRunningTimeInSeconds();

    String getVersion();

    int getMemorySize();

    int getCPUNumber();

    String getPackage();

    RuntimeLogger getLogger();

    String getAlias();
}
