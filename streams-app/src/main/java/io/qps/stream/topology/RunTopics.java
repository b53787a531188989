package io.qps.stream.topology;

import java.util.Objects;

/** The four output topics of one run of a session ({@code <session>.<run>.orders} ...). */
public record RunTopics(String orders, String fills, String positions, String pnl) {
    public RunTopics {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(fills, "fills");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(pnl, "pnl");
    }
}
