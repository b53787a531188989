package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately wrong gate: it waits for the same frontier but releases in arrival order instead of
 * causal-key order. The interleaving test must catch it.
 */
final class ArrivalOrderGate {
    private final GateProgress progress;
    private final LinkedHashMap<CausalKey, byte[]> arrived = new LinkedHashMap<>();

    ArrivalOrderGate(int sources) {
        this.progress = new GateProgress(sources);
    }

    List<GateRecord> feed(List<? extends Arrival> arrivals) {
        List<GateRecord> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (a instanceof Arrival.Rec r) {
                arrived.put(r.key(), r.payload());
            } else if (a instanceof Arrival.Mark m) {
                progress.advance(m.source(), m.seq());
                Iterator<Map.Entry<CausalKey, byte[]>> it = arrived.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<CausalKey, byte[]> e = it.next();
                    if (e.getKey().seq() <= progress.frontier()) {
                        out.add(new GateRecord(e.getKey(), e.getValue()));
                        it.remove();
                    }
                }
            }
        }
        return out;
    }
}
