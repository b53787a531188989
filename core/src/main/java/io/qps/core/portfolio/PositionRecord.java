package io.qps.core.portfolio;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;
import io.qps.core.strategy.StrategyId;

/**
 * A strategy's position in one instrument right after a fill. Same causal key as the fill.
 *
 * @param quantity signed raw position
 * @param costBasis signed money value of the open position at average cost (0 when flat)
 * @param averagePrice raw average entry price, {@code |costBasis| / |quantity|} rounded down (0 when flat)
 * @param realizedPnl money realized on this instrument by this strategy so far, before fees
 * @param fees money paid in fees on this instrument by this strategy so far
 * @param cash the strategy's cash change from this instrument's fills: {@code -sum(signed notional) - fees}
 */
public record PositionRecord(long seq, String symbol, int sub, StrategyId strategy, int instrument,
                             long quantity, long costBasis, long averagePrice, long realizedPnl, long fees,
                             long cash) implements OutputRecord {
    @Override
    public CausalKey key() {
        return new CausalKey(seq, symbol, sub);
    }

    @Override
    public String canonical() {
        return key().canonical() + "|" + strategy.code() + "|" + quantity + "|" + costBasis + "|" + averagePrice
                + "|" + realizedPnl + "|" + fees + "|" + cash;
    }
}
