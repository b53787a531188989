package io.qps.core.execution;

import io.qps.core.engine.OutputRecord;
import java.util.ArrayList;
import java.util.List;

/** Records everything the execution step emits, in order. */
final class Recorder implements ExecutionListener {
    final List<OutputRecord> records = new ArrayList<>();
    final List<FillEvent> fills = new ArrayList<>();

    @Override
    public void onOrder(OrderEvent order) {
        records.add(order);
    }

    @Override
    public void onFill(FillEvent fill) {
        records.add(fill);
        fills.add(fill);
    }

    @Override
    public void onReject(RejectEvent reject) {
        records.add(reject);
    }

    /** The canonical lines emitted since the last call, then forgets them. */
    List<String> drain() {
        List<String> lines = new ArrayList<>();
        for (OutputRecord r : records) {
            lines.add(r.canonical());
        }
        records.clear();
        return lines;
    }
}
