package io.github.fgtools.functiongraph.client.model;

/** The function's concurrency settings (<code>strategy_config</code>): not set by the POM, kept from the function on update. */
public class StrategyConfig {
    public Integer concurrency;
    public Integer concurrentNum;
}
