package io.qps.core.sim;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014),
 * the generator behind {@code java.util.SplittableRandom}, written out here so that its output is
 * fixed by this file alone and identical on every JVM.
 *
 * <p>The state advances by the odd constant {@code 0x9E3779B97F4A7C15} per draw and each draw is the
 * state passed through the {@code mix64} finalizer (variant 13 of Stafford's mixers).
 * {@link #nextDouble()} takes the top 53 bits; {@link #nextGaussian()} is the Box–Muller transform
 * computed with {@link StrictMath}, so it too is bit-identical everywhere. Not thread-safe; one
 * instance belongs to one stream of the simulation.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final double TWO_PI = 2.0 * StrictMath.PI;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator whose first draw is {@code mix64(seed + 0x9E3779B97F4A7C15)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** A uniform double in [0, 1): the top 53 bits of {@link #nextLong()} times 2^-53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * A uniform int in [0, bound) by multiply-shift of the top 32 bits (bias below 2^-32 for the
     * small bounds the simulator uses).
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** {@code true} with probability {@code p} (one {@link #nextDouble()} draw). */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /**
     * A standard normal deviate by Box–Muller: from uniforms {@code u1} in (0, 1] and {@code u2} in
     * [0, 1), {@code r = sqrt(-2 ln u1)} gives {@code r cos(2 pi u2)} now and {@code r sin(2 pi u2)}
     * on the next call.
     */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = TWO_PI * u2;
        spareGaussian = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    /** An exponential deviate with mean {@code mean}: {@code -mean * ln(1 - u)}. */
    public double nextExponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /**
     * An independent child stream for {@code streamId}: its seed is
     * {@code mix64(state ^ mix64(streamId * 0x9E3779B97F4A7C15 + 1))} computed from the current state,
     * which is not advanced. The same parent state and id always give the same child, and children
     * with different ids are decorrelated by the mixer.
     */
    public SplitMix64 split(long streamId) {
        return new SplitMix64(mix64(state ^ mix64(streamId * GOLDEN_GAMMA + 1L)));
    }

    /** The SplitMix64 finalizer (Stafford variant 13). */
    public static long mix64(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
