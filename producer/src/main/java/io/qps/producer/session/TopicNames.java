package io.qps.producer.session;

/**
 * The names of qps's topics, in one place.
 * <ul>
 *   <li>{@code qps.<session>.ticks}: a session's market data, keyed by instrument symbol</li>
 *   <li>{@code qps.<session>.<run>.orders|fills|positions|pnl}: the outputs of one run ({@code live},
 *       {@code replay-1}, ...) of a session</li>
 *   <li>{@code qps.results}: verification results, JSON, keyed by session</li>
 *   <li>{@code qps.sessions}: session manifests, compacted, keyed by session id</li>
 *   <li>{@code qps.runs}: run manifests, compacted, keyed by {@code <session>/<run>}</li>
 * </ul>
 */
public final class TopicNames {
    /** Prefix of every qps topic. */
    public static final String PREFIX = "qps.";
    /** The results topic. */
    public static final String RESULTS = "qps.results";
    /** The compacted manifest topic. */
    public static final String SESSIONS = "qps.sessions";
    /** The compacted run catalog. */
    public static final String RUNS = "qps.runs";

    private TopicNames() {
    }

    /** {@code qps.<session>.ticks}. */
    public static String ticks(SessionId session) {
        return PREFIX + session.value() + ".ticks";
    }

    /** {@code qps.<session>.<run>.orders}. */
    public static String orders(SessionId session, String run) {
        return runTopic(session, run, "orders");
    }

    /** {@code qps.<session>.<run>.fills}. */
    public static String fills(SessionId session, String run) {
        return runTopic(session, run, "fills");
    }

    /** {@code qps.<session>.<run>.positions}. */
    public static String positions(SessionId session, String run) {
        return runTopic(session, run, "positions");
    }

    /** {@code qps.<session>.<run>.pnl}. */
    public static String pnl(SessionId session, String run) {
        return runTopic(session, run, "pnl");
    }

    /** {@code qps.<session>.<run>.internal-summaries}: the run's partition summaries (the topology's RunTopics). */
    public static String summaries(SessionId session, String run) {
        return runTopic(session, run, "internal-summaries");
    }

    /** {@code qps.<session>.<run>.internal-partials}: the run's PnL shares (the topology's RunTopics). */
    public static String partials(SessionId session, String run) {
        return runTopic(session, run, "internal-partials");
    }

    private static String runTopic(SessionId session, String run, String kind) {
        String problem = SessionId.problem("run id", run);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return PREFIX + session.value() + "." + run + "." + kind;
    }
}
