package io.qps.stream.processor;

import io.qps.core.market.MarketEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random merges of per-partition streams (partition = instrument id mod n), each partition's order kept. */
final class PartitionShuffle {
    private PartitionShuffle() {
    }

    static List<MarketEvent> merge(List<MarketEvent> events, int partitions, long seed) {
        List<ArrayDeque<MarketEvent>> queues = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            queues.add(new ArrayDeque<>());
        }
        for (MarketEvent e : events) {
            queues.get(e.instrument() % partitions).add(e);
        }
        queues.removeIf(ArrayDeque::isEmpty);
        Random random = new Random(seed);
        List<MarketEvent> out = new ArrayList<>(events.size());
        while (!queues.isEmpty()) {
            int i = random.nextInt(queues.size());
            int burst = 1 + random.nextInt(50);
            for (int k = 0; k < burst && !queues.get(i).isEmpty(); k++) {
                out.add(queues.get(i).poll());
            }
            if (queues.get(i).isEmpty()) {
                queues.remove(i);
            }
        }
        return out;
    }
}
