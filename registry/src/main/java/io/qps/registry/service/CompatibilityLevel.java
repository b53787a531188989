package io.qps.registry.service;

/** Confluent's compatibility levels: which earlier schemas a new one is checked against, and in which direction. */
public enum CompatibilityLevel {
    /** No check. */
    NONE(false, false, false),
    /** The new schema can read data written with the latest one. */
    BACKWARD(true, false, false),
    /** The new schema can read data written with every earlier one. */
    BACKWARD_TRANSITIVE(true, false, true),
    /** The latest schema can read data written with the new one. */
    FORWARD(false, true, false),
    /** Every earlier schema can read data written with the new one. */
    FORWARD_TRANSITIVE(false, true, true),
    /** Both BACKWARD and FORWARD against the latest schema. */
    FULL(true, true, false),
    /** Both BACKWARD and FORWARD against every earlier schema. */
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must read the earlier ones' data. */
    public boolean backward() {
        return backward;
    }

    /** Whether the earlier schemas must read the new one's data. */
    public boolean forward() {
        return forward;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The level named {@code name} (case-insensitive), or null if there is none. */
    public static CompatibilityLevel parse(String name) {
        for (CompatibilityLevel level : values()) {
            if (level.name().equalsIgnoreCase(name)) {
                return level;
            }
        }
        return null;
    }
}
