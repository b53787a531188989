package io.qps.verify;

import io.qps.core.data.DatasetReader;
import io.qps.core.market.MarketEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/** The input events behind reported divergences, as text, looked up by seq for a few seqs at once. */
@FunctionalInterface
public interface InputEvents {
    /** The events of {@code seqs} as text; a seq with no event is absent. */
    Map<Long, String> describe(SortedSet<Long> seqs);

    /** The events of a list in seq order (seq 1 first). */
    static InputEvents of(List<? extends MarketEvent> events) {
        return seqs -> {
            Map<Long, String> out = new TreeMap<>();
            for (long seq : seqs) {
                if (seq >= 1 && seq <= events.size()) {
                    out.put(seq, events.get((int) (seq - 1)).toString());
                }
            }
            return out;
        };
    }

    /** The events of a dataset file, read up to the largest seq asked for (only when there is a divergence). */
    static InputEvents of(Path dataset) {
        return seqs -> {
            Map<Long, String> out = new TreeMap<>();
            if (seqs.isEmpty()) {
                return out;
            }
            try (DatasetReader r = DatasetReader.open(dataset)) {
                while (r.hasNext()) {
                    MarketEvent e = r.next();
                    if (e.seq() > seqs.last()) {
                        break;
                    }
                    if (seqs.contains(e.seq())) {
                        out.put(e.seq(), e.toString());
                    }
                }
            }
            return out;
        };
    }
}
