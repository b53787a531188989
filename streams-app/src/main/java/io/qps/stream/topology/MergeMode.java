package io.qps.stream.topology;

/**
 * How the exec task merges ticks from the router with targets from the cross task.
 */
public enum MergeMode {
    /** Buffer and release behind the cross task's markers: deterministic. The default. */
    GATED,
    /**
     * Deliberately broken: handle ticks and targets in arrival order, ignore markers. Exists only for the negative
     * test that proves the verifier catches a racy merge; selectable only through {@link TopologySpec}.
     */
    ARRIVAL_ORDER
}
