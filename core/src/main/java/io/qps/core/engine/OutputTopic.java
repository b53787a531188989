package io.qps.core.engine;

/** The output streams of a run, in the order their digests are combined. */
public enum OutputTopic {
    /** Order events: placements and cancellations. */
    ORDERS("orders"),
    /** Execution reports: fills and rejections. */
    FILLS("fills"),
    /** A strategy's position in an instrument after each fill. */
    POSITIONS("positions"),
    /** Equity-curve samples per strategy and in total. */
    PNL("pnl");

    private final String suffix;

    OutputTopic(String suffix) {
        this.suffix = suffix;
    }

    /** The topic name suffix, e.g. {@code <session>.<run>.orders}. */
    public String suffix() {
        return suffix;
    }
}
