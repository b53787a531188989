package io.qps.stream.topology;

import java.util.Objects;

/** The four output topics of one run of a session ({@code <session>.<run>.orders} ...). */
public record RunTopics(String orders, String fills, String positions, String pnl) {
    public RunTopics {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(fills, "fills");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(pnl, "pnl");
        if (!orders.endsWith("orders")) {
            throw new IllegalArgumentException("the orders topic name must end in 'orders': " + orders);
        }
    }

    /** The run's topic of partition summaries, read back by the partition tasks (N partitions). */
    public String summaries() {
        return internal("summaries");
    }

    /** The run's topic of PnL shares, read by the portfolio task (1 partition). */
    public String partials() {
        return internal("partials");
    }

    /** The run's dead-letter topic: ticks records quarantined as bad input, with their coordinates. */
    public String dlq() {
        return orders.substring(0, orders.length() - "orders".length()) + "dlq";
    }

    private String internal(String name) {
        return orders.substring(0, orders.length() - "orders".length()) + "internal-" + name;
    }
}
