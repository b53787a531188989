package io.qps.core.engine;

/** Prints the reference engine's digest for a small simulated dataset; run in a separate JVM by a test. */
public final class ReferenceDigestMain {
    private ReferenceDigestMain() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        EngineResult result = SimulatedRuns.run(SimulatedRuns.small(seed));
        System.out.println("digest=" + result.digest());
    }
}
