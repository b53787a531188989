/**
 * The seeded market simulator: {@link io.qps.core.sim.SplitMix64} (the only source of randomness),
 * {@link io.qps.core.sim.SimConfig} (what to generate) and {@link io.qps.core.sim.MarketSimulator}
 * (which streams quotes, L2 book updates and trades in dataset order with a dense {@code seq}).
 *
 * <p>The latent model planted in the data, for the strategies to find: a lead (market) factor that
 * crypto follows at once and equities and futures five minutes late; one factor per asset class;
 * per-instrument Markov regimes (range-bound or trending, one to four hours); CVX cointegrated with
 * XOM through an Ornstein–Uhlenbeck spread; and a displayed mid that lags a fast fair value, with
 * the top levels' size imbalance pointing toward it. Everything is a function of the seed alone;
 * doubles are used for the latent model only, with {@link java.lang.StrictMath} transcendental
 * functions, and every emitted price and size is an exact whole number of ticks and lots.
 */
package io.qps.core.sim;
