package io.qps.core.strategy;

/** The five strategies of qps, in their canonical order. {@link #code()} is the name used in every output. */
public enum StrategyId {
    ALPHA_1_PAIRS("alpha_1_pairs"),
    ALPHA_2_BREAKOUT("alpha_2_breakout"),
    ALPHA_3_MTF("alpha_3_mtf"),
    ALPHA_4_MULTI_ASSET("alpha_4_multi_asset"),
    ALPHA_5_ORDERBOOK("alpha_5_orderbook");

    private final String code;

    StrategyId(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StrategyId fromCode(String code) {
        for (StrategyId id : values()) {
            if (id.code.equals(code)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + code + "'");
    }
}
