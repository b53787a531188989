package io.qps.core.sim;

/**
 * Prints the planted signals as measured on a generated dataset (a command, not a test):
 * {@code java -cp core/target/classes:core/target/test-classes io.qps.core.sim.SignalReport 42 3}.
 */
public final class SignalReport {
    private SignalReport() {
    }

    public static void main(String[] args) {
        SimConfig cfg = SimConfig.defaults(Long.parseLong(args[0]), Integer.parseInt(args[1]));
        MarketStats st = new MarketStats(cfg);
        long n = new MarketSimulator(cfg).run(st);
        System.out.printf("seed %d, %d days: %d events%n", cfg.seed(), cfg.days(), n);
        double[] btc = st.logReturns(0, 1);
        for (int i = 0; i < cfg.universe().size(); i++) {
            long[] br = st.donchianBreakouts(i, 20, 12);
            StringBuilder lag = new StringBuilder();
            double[] r = st.logReturns(i, 1);
            for (int k = 0; k <= 6; k++) {
                lag.append(String.format(" %+.2f", MarketStats.laggedCorrelation(btc, r, k)));
            }
            System.out.printf("%-8s events %,9d  imbalance->next mid %.3f  VR(1h/5m) %.2f  breakouts %d hit %.3f"
                            + "  corr(BTC[t-k], r[t]) k=0..6:%s%n",
                    cfg.universe().get(i).symbol(), st.events[i], st.imbalanceAgreement(i), st.varianceRatio(i),
                    br[0], br[1] / (double) br[0], lag);
        }
        System.out.println("pair XOM/CVX: " + st.pair(2, 3, LatentMarket.PAIR_HEDGE));
    }
}
