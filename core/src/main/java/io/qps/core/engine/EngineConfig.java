package io.qps.core.engine;

import io.qps.core.execution.ExecutionConfig;
import io.qps.core.portfolio.PortfolioConfig;
import io.qps.core.stats.StatsConfig;
import io.qps.core.strategy.StrategiesConfig;
import java.util.Objects;

/** Everything besides the dataset that decides a session's outputs. */
public record EngineConfig(StrategiesConfig strategies, ExecutionConfig execution, PortfolioConfig portfolio,
                           StatsConfig stats) {
    public EngineConfig {
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(stats, "stats");
    }

    public static EngineConfig defaults() {
        return new EngineConfig(StrategiesConfig.defaults(), ExecutionConfig.defaults(), PortfolioConfig.defaults(),
                StatsConfig.defaults());
    }
}
