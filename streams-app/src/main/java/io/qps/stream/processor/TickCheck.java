package io.qps.stream.processor;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketEventCheck;
import io.qps.core.market.ProgressMarker;
import io.qps.schemas.registry.RegistryErrorCodes;
import io.qps.schemas.registry.RegistryException;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * What makes a ticks record bad input, for one partition task: bytes that do not decode to an event or a progress
 * marker, an unknown schema id, a value out of range ({@link MarketEventCheck}), an instrument outside the universe
 * or carried by another partition, and a seq that does not follow the partition's previous good record. A reason is
 * a function of the record and the cursor alone, never of where the registry was reached, so live and replay (and
 * a backlog read back) give a record the same one.
 */
final class TickCheck {
    private final Function<byte[], Object> decoder;
    private final Universe universe;
    private final int[] partitionOf;
    private final int partition;
    private final String ticksTopic;
    private Object value;

    /** @param decoder a ticks value to a core {@link MarketEvent} or a {@link ProgressMarker} */
    TickCheck(Function<byte[], Object> decoder, Universe universe, int[] partitionOf, int partition,
              String ticksTopic) {
        this.decoder = decoder;
        this.universe = universe;
        this.partitionOf = partitionOf;
        this.partition = partition;
        this.ticksTopic = ticksTopic;
    }

    /**
     * Decodes and checks a record against the seq of the partition's previous good record ({@code cursor}).
     *
     * @return null when it is good ({@link #value()} then holds it), else the reason it is bad input
     * @throws IllegalStateException when the registry did not answer: that is no fault of the record
     */
    String check(byte[] raw, long cursor) {
        value = null;
        Object decoded;
        String problem;
        try {
            decoded = decoder.apply(raw);
            problem = decoded instanceof MarketEvent e ? instrumentProblem(e) : null;
            if (problem == null && decoded instanceof MarketEvent e) {
                problem = MarketEventCheck.problem(e);
            }
        } catch (RuntimeException e) {
            requireRegistryAnswered(e);
            return "not a MarketEvent: " + (unknownSchema(e) ? "schema id " + schemaIdOf(raw) + " is not registered"
                    : rootMessage(e));
        }
        if (problem == null) {
            long seq = decoded instanceof MarketEvent e ? e.seq() : ((ProgressMarker) decoded).seq();
            boolean event = decoded instanceof MarketEvent;
            if (event ? seq <= cursor : seq < cursor) {
                problem = "seq " + seq + " after seq " + cursor + " in this partition ("
                        + (seq == cursor ? "duplicated" : "out of order") + ")";
            }
        }
        if (problem == null) {
            value = decoded;
        }
        return problem;
    }

    /** The value of the last record {@link #check} found good. */
    Object value() {
        return value;
    }

    /**
     * An event must name an instrument of the session's universe that this partition carries: the publisher sends
     * each instrument's events to its assigned partition only. Anything else is bad input (it would otherwise stop
     * the task when indexed or traded).
     */
    private String instrumentProblem(MarketEvent e) {
        int i = e.instrument();
        if (i < 0 || i >= universe.size()) {
            return "instrument id " + i + " is not in the session's universe (ids 0.." + (universe.size() - 1) + ")";
        }
        if (partitionOf[i] != partition) {
            return "instrument " + universe.get(i).symbol() + " (id " + i + ") is assigned to partition "
                    + partitionOf[i] + ", not " + partition;
        }
        return null;
    }

    /**
     * A registry that did not answer (or refused the credentials) is not the record's fault: the run stops, saying
     * so, rather than quarantining good records. An unknown schema id (the registry answered 404) is bad input.
     */
    private void requireRegistryAnswered(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryException r && r.httpStatus() != 404
                    && r.errorCode() != RegistryErrorCodes.SCHEMA_NOT_FOUND) {
                throw new IllegalStateException("cannot decode " + ticksTopic + " partition " + partition + ": the"
                        + " schema registry did not give the record's writer schema (" + r.getMessage() + "); start it"
                        + " (qps up) and resume the run", e);
            }
        }
    }

    /**
     * Whether decoding failed on the registry's answer that the record's schema id is unknown. The reason then names
     * the id alone, not the registry's message (which carries its URL): live and replay, or instances reaching the
     * registry by different addresses, must give a quarantined record the same reason.
     */
    private static boolean unknownSchema(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RegistryException) {
                return true;
            }
        }
        return false;
    }

    /** The schema id of a Confluent wire-format value (bytes 1..4), or -1 when it is too short to have one. */
    private static int schemaIdOf(byte[] raw) {
        return raw == null || raw.length < 5 ? -1 : ByteBuffer.wrap(raw, 1, 4).getInt();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
