/**
 * The verifier: compares a session's live run, a replay run and the reference engine (run on the session's
 * dataset file) in canonical form (DESIGN.md section 1.2) and reports the verdict.
 *
 * <p>Runs are compared as streams, so the verifier's memory does not grow with the session: each run is read once
 * from a {@link io.qps.verify.RunSource} (its topics, or the reference engine over the dataset file), its canonical
 * lines sorted on disk ({@code io.qps.verify.canonical}), then the three sorted forms are read side by side once.
 *
 * <ul>
 *   <li>{@link io.qps.verify.RunSource}: a run's output records pushed one at a time;</li>
 *   <li>{@link io.qps.verify.RunSummary}: what is kept of a run once compared (digests, counts, fills, last PnL
 *       samples, the lines behind reported divergences);</li>
 *   <li>{@link io.qps.verify.RunResults}: one run held in memory, sorted by causal key (for reports and
 *       exports);</li>
 *   <li>{@link io.qps.verify.Comparison}: two runs compared per topic and per strategy, with the first divergent
 *       record of each differing topic;</li>
 *   <li>{@link io.qps.verify.Verification}: live vs replay (the replication verdict, {@code pnl_match}) and both
 *       vs the reference engine (the oracle), plus each run's statistics, computed in bounded memory;</li>
 *   <li>{@link io.qps.verify.ResultsDocuments}: {@code results.json} (the seed's shape: {@code pnl_match},
 *       {@code portfolio_pnl}, {@code alphas}; plus {@code oracle}, {@code verdict}, {@code runs}, {@code digests},
 *       {@code provenance}) and
 *       {@code results_detailed.json} (per strategy and run: trades, orders, rejects, realized/unrealized/total
 *       PnL, fees, gross exposure and the core's statistics; per topic record counts and digests; divergences with
 *       causal key, input seq, differing fields and the chain input event -> orders -> fills -> positions -> PnL);</li>
 *   <li>{@link io.qps.verify.StatisticsJson}: the core's statistics and their conventions as JSON;</li>
 *   <li>{@code io.qps.verify.report}: the HTML report of a run ({@code qps report});</li>
 *   <li>{@link io.qps.verify.ResultsTopic}: the JSON record on {@code qps.results} keyed by session;</li>
 *   <li>{@link io.qps.verify.SessionVerifier}: the whole check against a cluster, with clear errors for unknown
 *       sessions or runs, runs still in progress and a dataset that is not the session's.</li>
 * </ul>
 */
package io.qps.verify;
