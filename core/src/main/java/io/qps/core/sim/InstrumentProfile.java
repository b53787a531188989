package io.qps.core.sim;

import io.qps.core.instrument.Instrument;

/**
 * How the simulator drives one instrument. Volatilities are of the natural log price per second of
 * event time; rates are events per second while the market is open (before the density scale).
 *
 * @param startPrice fair price at the start, in currency units (e.g. 42000.0 for BTC-USD)
 * @param leadBeta loading on the lead (market) factor
 * @param leadLagSeconds how many seconds behind the lead factor this instrument follows it
 * @param classBeta loading on its asset class's factor
 * @param idioVol volatility of its own component, per sqrt(second)
 * @param eventRate book and trade events per second while open
 * @param tradeFraction share of events that are trades
 * @param minSpreadTicks smallest displayed spread, ticks
 * @param maxSpreadTicks widest displayed spread, ticks
 * @param maxLevelGapTicks widest gap between adjacent book levels, ticks (depth instruments)
 * @param baseSizeLots typical displayed size of a level, lots
 */
public record InstrumentProfile(double startPrice, double leadBeta, int leadLagSeconds, double classBeta,
                                double idioVol, double eventRate, double tradeFraction,
                                int minSpreadTicks, int maxSpreadTicks, int maxLevelGapTicks, long baseSizeLots) {

    /** Longest lead–lag the latent model keeps history for, seconds. */
    public static final int MAX_LAG_SECONDS = 3_600;
    /** Equities and futures follow the lead (crypto-driven market) factor five minutes late. */
    public static final int EQUITY_FUTURES_LAG_SECONDS = 300;

    public InstrumentProfile {
        if (!(startPrice > 0) || !(idioVol >= 0) || !(eventRate > 0) || tradeFraction < 0 || tradeFraction >= 1
                || minSpreadTicks < 1 || maxSpreadTicks < minSpreadTicks || maxLevelGapTicks < 1 || baseSizeLots < 1
                || leadLagSeconds < 0 || leadLagSeconds > MAX_LAG_SECONDS) {
            throw new IllegalArgumentException("inconsistent instrument profile " + startPrice + "/" + eventRate);
        }
    }

    /** The profile of a standard-universe symbol, or a generic one for its asset class. */
    public static InstrumentProfile forInstrument(Instrument in) {
        int lag = EQUITY_FUTURES_LAG_SECONDS;
        return switch (in.symbol()) {
            case "BTC-USD" -> new InstrumentProfile(42_000.0, 1.0, 0, 1.0, 3.0e-5, 1.8, 0.30, 1, 4, 12, 3_000);
            case "ETH-USD" -> new InstrumentProfile(2_300.0, 1.2, 0, 1.1, 4.5e-5, 1.4, 0.30, 1, 4, 6, 30_000);
            case "XOM" -> new InstrumentProfile(100.0, 0.5, lag, 1.0, 2.5e-5, 2.5, 0.25, 1, 2, 1, 400);
            case "CVX" -> new InstrumentProfile(150.0, 0.0, 0, 0.0, 0.0, 2.5, 0.25, 1, 3, 1, 300);
            case "AAPL" -> new InstrumentProfile(185.0, 0.6, lag, 1.0, 3.0e-5, 2.5, 0.25, 1, 2, 1, 500);
            case "MSFT" -> new InstrumentProfile(375.0, 0.55, lag, 1.0, 2.8e-5, 2.5, 0.25, 1, 3, 1, 300);
            case "EURUSD" -> new InstrumentProfile(1.10, -0.15, 0, 1.0, 0.8e-5, 0.8, 0.15, 10, 20, 5, 1_000);
            case "GBPUSD" -> new InstrumentProfile(1.27, -0.12, 0, 1.1, 1.0e-5, 0.6, 0.15, 12, 25, 5, 1_000);
            case "ES" -> new InstrumentProfile(4_750.0, 0.45, lag, 1.0, 0.8e-5, 1.2, 0.30, 1, 1, 1, 25);
            case "NQ" -> new InstrumentProfile(16_800.0, 0.6, lag, 1.2, 1.2e-5, 1.0, 0.30, 1, 2, 1, 8);
            default -> generic(in);
        };
    }

    private static InstrumentProfile generic(Instrument in) {
        return switch (in.assetClass()) {
            case CRYPTO -> new InstrumentProfile(100.0, 1.0, 0, 1.0, 4.0e-5, 1.0, 0.30, 1, 4, 4, 1_000);
            case EQUITY -> new InstrumentProfile(100.0, 0.5, EQUITY_FUTURES_LAG_SECONDS, 1.0, 3.0e-5, 2.0, 0.25,
                    1, 2, 1, 300);
            case FX -> new InstrumentProfile(1.0, -0.1, 0, 1.0, 1.0e-5, 0.6, 0.15, 10, 20, 5, 1_000);
            case FUTURE -> new InstrumentProfile(1_000.0, 0.5, EQUITY_FUTURES_LAG_SECONDS, 1.0, 1.0e-5, 1.0, 0.30,
                    1, 2, 1, 10);
        };
    }
}
