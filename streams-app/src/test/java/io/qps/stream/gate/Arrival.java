package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One thing an upstream source delivers to the gate: a record or a progress marker. */
sealed interface Arrival {

    int source();

    /** A record of {@code source}; the payload is the key's canonical text so outputs are readable. */
    record Rec(int source, CausalKey key) implements Arrival {
        byte[] payload() {
            return key.canonical().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** "source has passed seq". */
    record Mark(int source, long seq) implements Arrival {
    }

    static Rec rec(int source, long seq, String name, int sub) {
        return new Rec(source, new CausalKey(seq, name, sub));
    }

    static Mark mark(int source, long seq) {
        return new Mark(source, seq);
    }

    /** Feeds {@code arrivals} to {@code gate} in order; returns everything released, concatenated. */
    static List<GateRecord> feed(CausalGate gate, List<? extends Arrival> arrivals) {
        List<GateRecord> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (a instanceof Rec r) {
                gate.offer(r.source(), r.key(), r.payload());
            } else if (a instanceof Mark m) {
                out.addAll(gate.advance(m.source(), m.seq()));
            }
        }
        return out;
    }

    /** The records of {@code arrivals} with {@code seq <= frontier}, sorted: what a gate must release. */
    static List<GateRecord> expected(List<? extends Arrival> arrivals, long frontier) {
        return arrivals.stream().filter(a -> a instanceof Rec).map(a -> (Rec) a)
                .filter(r -> r.key().seq() <= frontier)
                .sorted(Comparator.comparing(Rec::key))
                .map(r -> new GateRecord(r.key(), r.payload())).toList();
    }
}
