package com.huawei.services.runtime;

/** FunctionGraph's Java runtime logger, by name and signature. */
public interface RuntimeLogger {
    void log(String log);

    void debug(String log);

    void info(String log);

    void warn(String log);

    void error(String log);

    void setLevel(String level);
}
