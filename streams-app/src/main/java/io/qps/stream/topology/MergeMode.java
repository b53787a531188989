package io.qps.stream.topology;

/**
 * How the exec task merges ticks from the router with targets from the cross task.
 */
public enum MergeMode {
    /** Release a boundary only with every summary it needs: deterministic. The default. */
    GATED,
    /**
     * Deliberately broken: decide at a boundary with the summaries that have arrived by then. Exists only for the negative
     * test that proves the verifier catches a racy merge; selectable only through {@link TopologySpec}.
     */
    ARRIVAL_ORDER
}
