package io.qps.core.sim;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import java.util.List;

/**
 * The hidden fair values behind the simulated market, advanced on a fixed one-second event-time
 * grid. Each instrument's log fair price is
 * {@code ln(startPrice) + leadBeta * L(t - lag) + classBeta * C_class(t) + z(t)} where
 * <ul>
 *   <li>{@code L} is the lead (market) factor, a random walk that crypto follows at once and
 *       equities and futures follow {@link InstrumentProfile#EQUITY_FUTURES_LAG_SECONDS} late;</li>
 *   <li>{@code C_class} is one random walk per asset class (dispersion across classes);</li>
 *   <li>{@code z} is the instrument's own component under a Markov regime: range-bound
 *       (Ornstein–Uhlenbeck around the level where the range began, half-life 30 min) or trending
 *       up or down (drift of {@value #TREND_STRENGTH} per-second volatilities per second); ranges
 *       last 2 h and trends 1.5 h on average.</li>
 * </ul>
 * CVX, when XOM is in the universe, is instead cointegrated with it:
 * {@code ln CVX = a + }{@value #PAIR_HEDGE}{@code  * ln XOM + s(t)}, with {@code s} an
 * Ornstein–Uhlenbeck spread of half-life {@value #PAIR_HALF_LIFE_SECONDS} s and stationary standard
 * deviation {@value #PAIR_SIGMA}.
 *
 * <p>Every draw comes from child streams of the root generator, one per factor and instrument, so
 * the path depends on the seed alone.
 */
final class LatentMarket {
    /** Volatility of the lead factor per sqrt(second). */
    static final double LEAD_VOL = 6.0e-5;
    /** Drift of a trending regime, in units of the instrument's total per-second volatility. */
    static final double TREND_STRENGTH = 0.03;
    /** Hedge ratio h of the cointegrated pair. */
    static final double PAIR_HEDGE = 0.9;
    /** Half-life of the pair spread, seconds. */
    static final double PAIR_HALF_LIFE_SECONDS = 1_200.0;
    /** Stationary standard deviation of the pair spread (log units). */
    static final double PAIR_SIGMA = 0.004;

    private static final double LN2 = 0.6931471805599453;
    private static final double RANGE_KAPPA = LN2 / 1_800.0;
    private static final double RANGE_SWITCH = 1.0 / 7_200.0;
    private static final double TREND_SWITCH = 1.0 / 5_400.0;
    private static final double[] CLASS_VOL = {3.0e-5, 2.0e-5, 1.2e-5, 1.2e-5};

    private final InstrumentProfile[] profiles;
    private final int[] classOf;
    private final SplitMix64 leadRng;
    private final SplitMix64[] classRng;
    private final SplitMix64[] ownRng;
    private final SplitMix64 pairRng;
    private final double[] leadHistory = new double[InstrumentProfile.MAX_LAG_SECONDS + 1];
    private final double[] classFactor = new double[AssetClass.values().length];
    private final double[] own;
    private final double[] anchor;
    private final int[] regime;
    private final double[] trendDrift;
    private final double[] logStart;
    private final double[] logFair;
    private final int pairLeader;
    private final int pairFollower;
    private final double pairIntercept;
    private double pairSpread;
    private long step;

    LatentMarket(Universe universe, SplitMix64 root) {
        List<Instrument> all = universe.all();
        int n = all.size();
        profiles = new InstrumentProfile[n];
        classOf = new int[n];
        ownRng = new SplitMix64[n];
        own = new double[n];
        anchor = new double[n];
        regime = new int[n];
        trendDrift = new double[n];
        logStart = new double[n];
        logFair = new double[n];
        leadRng = root.split(1);
        classRng = new SplitMix64[classFactor.length];
        for (int c = 0; c < classRng.length; c++) {
            classRng[c] = root.split(10 + c);
        }
        pairRng = root.split(50);
        for (int i = 0; i < n; i++) {
            InstrumentProfile p = InstrumentProfile.forInstrument(all.get(i));
            profiles[i] = p;
            classOf[i] = all.get(i).assetClass().ordinal();
            ownRng[i] = root.split(100 + i);
            logStart[i] = StrictMath.log(p.startPrice());
            double lead = p.leadBeta() * LEAD_VOL;
            double cls = p.classBeta() * CLASS_VOL[classOf[i]];
            trendDrift[i] = TREND_STRENGTH * StrictMath.sqrt(lead * lead + cls * cls + p.idioVol() * p.idioVol());
        }
        int xom = universe.bySymbol("XOM").map(Instrument::id).orElse(-1);
        int cvx = universe.bySymbol("CVX").map(Instrument::id).orElse(-1);
        pairLeader = cvx >= 0 ? xom : -1;
        pairFollower = xom >= 0 ? cvx : -1;
        pairIntercept = pairFollower >= 0
                ? logStart[pairFollower] - PAIR_HEDGE * logStart[pairLeader] : 0.0;
        if (pairFollower >= 0) {
            trendDrift[pairFollower] = PAIR_HEDGE * trendDrift[pairLeader];
        }
        computeFair();
    }

    /** Advances every factor by one second of event time. */
    void step() {
        step++;
        double lead = leadAgo(1) + LEAD_VOL * leadRng.nextGaussian();
        leadHistory[(int) (step % leadHistory.length)] = lead;
        for (int c = 0; c < classFactor.length; c++) {
            classFactor[c] += CLASS_VOL[c] * classRng[c].nextGaussian();
        }
        for (int i = 0; i < own.length; i++) {
            stepOwn(i);
        }
        double kappa = LN2 / PAIR_HALF_LIFE_SECONDS;
        pairSpread += -kappa * pairSpread + PAIR_SIGMA * StrictMath.sqrt(2.0 * kappa) * pairRng.nextGaussian();
        computeFair();
    }

    /** Natural log of instrument {@code i}'s fair price in currency units, at the current grid point. */
    double logFair(int i) {
        return logFair[i];
    }

    /** The current regime of instrument {@code i}: 0 range-bound, +1 trending up, -1 trending down. */
    int regime(int i) {
        return regime[i];
    }

    /** The instrument's total per-second log volatility, the scale of its fast moves. */
    double secondVol(int i) {
        return trendDrift[i] / TREND_STRENGTH;
    }

    private void stepOwn(int i) {
        SplitMix64 rng = ownRng[i];
        if (regime[i] == 0) {
            own[i] += -RANGE_KAPPA * (own[i] - anchor[i]);
            if (rng.chance(RANGE_SWITCH)) {
                regime[i] = rng.chance(0.5) ? 1 : -1;
            }
        } else {
            own[i] += regime[i] * trendDrift[i];
            if (rng.chance(TREND_SWITCH)) {
                regime[i] = 0;
                anchor[i] = own[i];
            }
        }
        own[i] += profiles[i].idioVol() * rng.nextGaussian();
    }

    private double leadAgo(int seconds) {
        long at = Math.max(0L, step - seconds);
        return leadHistory[(int) (at % leadHistory.length)];
    }

    private void computeFair() {
        for (int i = 0; i < logFair.length; i++) {
            InstrumentProfile p = profiles[i];
            logFair[i] = logStart[i] + p.leadBeta() * leadAgo(p.leadLagSeconds())
                    + p.classBeta() * classFactor[classOf[i]] + own[i];
        }
        if (pairFollower >= 0) {
            logFair[pairFollower] = pairIntercept + PAIR_HEDGE * logFair[pairLeader] + pairSpread;
        }
    }
}
