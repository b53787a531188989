/**
 * A run's canonical form built on disk rather than in memory: output lines sorted by causal key with an external
 * merge sort ({@link io.qps.verify.canonical.ExternalSort}: sorted chunks spilled to temporary files, then a k-way
 * merge, {@link io.qps.verify.canonical.MergedLines}), so the verifier's memory does not grow with the run.
 */
package io.qps.verify.canonical;
