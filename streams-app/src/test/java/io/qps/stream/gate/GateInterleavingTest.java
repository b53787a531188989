package io.qps.stream.gate;

import static io.qps.stream.gate.Arrival.mark;
import static io.qps.stream.gate.Arrival.rec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every interleaving of three sources' deliveries that keeps each source's own order gives the same
 * released sequence; a gate releasing in arrival order does not.
 */
class GateInterleavingTest {
    /** Source 0 carries ES, source 1 NQ, source 2 CL; seq 4 is produced on two sources (a tie). */
    private static final List<List<Arrival>> SOURCES = List.of(
            List.of(rec(0, 2, "ES", 0), rec(0, 2, "ES", 1), mark(0, 2), rec(0, 4, "ES", 0), mark(0, 6)),
            List.of(rec(1, 1, "NQ", 0), rec(1, 4, "NQ", 0), mark(1, 4), mark(1, 7)),
            List.of(rec(2, 3, "CL", 0), mark(2, 5), rec(2, 8, "CL", 0), mark(2, 8)));

    /** 13! / (5! 4! 4!) */
    private static final int INTERLEAVINGS = 90_090;

    private static final List<String> GOLDEN = List.of(
            "1|NQ|0", "2|ES|0", "2|ES|1", "3|CL|0", "4|ES|0", "4|NQ|0");

    @Test
    void everyInterleavingReleasesTheSameSequenceInKeyOrder() {
        assertAllInterleavingsAgree(TreeMapGateBuffer::new);
    }

    @Test
    void everyInterleavingAgreesWithAByteKeyedStoreBuffer() {
        assertAllInterleavingsAgree(EncodedGateBuffer::new);
    }

    @Test
    void anArrivalOrderGateIsCaughtByTheSameEnumeration() {
        Set<List<String>> outputs = distinctOutputs(arrivals -> new ArrivalOrderGate(3).feed(arrivals));

        assertThat(outputs.size()).isGreaterThan(1);
        assertThat(outputs).contains(GOLDEN);
        assertThat(outputs).contains(
                List.of("2|ES|0", "2|ES|1", "1|NQ|0", "3|CL|0", "4|NQ|0", "4|ES|0"));
    }

    @Test
    void aRecordAboveTheFinalFrontierStaysBuffered() {
        GateBuffer buffer = new TreeMapGateBuffer();
        CausalGate gate = CausalGate.create(3, buffer);
        List<Arrival> inOrder = new ArrayList<>();
        SOURCES.forEach(inOrder::addAll);

        List<GateRecord> released = Arrival.feed(gate, inOrder);

        assertThat(released).extracting(r -> r.key().canonical()).containsExactlyElementsOf(GOLDEN);
        assertThat(gate.frontier()).isEqualTo(6);
        assertThat(buffer.all()).extracting(r -> r.key().canonical()).containsExactly("8|CL|0");
    }

    private static void assertAllInterleavingsAgree(Supplier<GateBuffer> buffers) {
        Set<List<String>> outputs = distinctOutputs(
                arrivals -> Arrival.feed(CausalGate.create(3, buffers.get()), arrivals));

        assertThat(outputs).containsExactly(GOLDEN);
    }

    private static Set<List<String>> distinctOutputs(Function<List<Arrival>, List<GateRecord>> run) {
        Set<List<String>> outputs = new LinkedHashSet<>();
        int[] count = {0};
        interleave(new int[SOURCES.size()], new ArrayList<>(), arrivals -> {
            count[0]++;
            outputs.add(run.apply(arrivals).stream().map(r -> r.key().canonical()).toList());
        });
        assertThat(count[0]).isEqualTo(INTERLEAVINGS);
        return outputs;
    }

    /** Calls {@code visit} once per interleaving that keeps every source's own order. */
    private static void interleave(int[] next, List<Arrival> prefix, Consumer<List<Arrival>> visit) {
        boolean any = false;
        for (int s = 0; s < next.length; s++) {
            if (next[s] < SOURCES.get(s).size()) {
                any = true;
                prefix.add(SOURCES.get(s).get(next[s]++));
                interleave(next, prefix, visit);
                next[s]--;
                prefix.remove(prefix.size() - 1);
            }
        }
        if (!any) {
            visit.accept(prefix);
        }
    }
}
