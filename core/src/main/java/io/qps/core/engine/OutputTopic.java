package io.qps.core.engine;

import java.util.List;

/** The output streams of a run, in the order their digests are combined. */
public enum OutputTopic {
    /** Order events: placements and cancellations. */
    ORDERS("orders", List.of("seq", "source", "sub", "action", "orderId", "side", "quantity", "type", "limitPrice",
            "activeFromMicros")),
    /** Execution reports: fills and rejections. */
    FILLS("fills", List.of("seq", "source", "sub", "kind", "timestampMicros", "strategy", "orderId", "side",
            "quantity", "price", "liquidity", "fee", "remaining", "orderCauseSeq")),
    /** A strategy's position in an instrument after each fill. */
    POSITIONS("positions", List.of("seq", "source", "sub", "strategy", "quantity", "costBasis", "averagePrice",
            "realizedPnl", "fees", "cash")),
    /** Equity-curve samples per strategy and in total. */
    PNL("pnl", List.of("seq", "source", "sub", "boundaryMicros", "realizedPnl", "unrealizedPnl", "fees", "totalPnl",
            "grossExposure", "fills"));

    private static final List<String> REJECT_FIELDS = List.of("seq", "source", "sub", "kind", "orderId", "side",
            "quantity", "type", "limitPrice", "reason");

    private final String suffix;
    private final List<String> fieldNames;

    OutputTopic(String suffix, List<String> fieldNames) {
        this.suffix = suffix;
        this.fieldNames = fieldNames;
    }

    /**
     * The names of a canonical line's fields, in order; {@code fields} is the split line, needed because
     * the fills topic carries two record kinds (FILL and REJECT, field 3).
     */
    public List<String> fieldNames(String[] fields) {
        if (this == FILLS && fields.length > 3 && fields[3].equals("REJECT")) {
            return REJECT_FIELDS;
        }
        return fieldNames;
    }

    /** The topic name suffix, e.g. {@code <session>.<run>.orders}. */
    public String suffix() {
        return suffix;
    }
}
