package io.qps.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.MarketEvent;
import io.qps.core.state.Snapshottable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The snapshot contract every strategy must keep, checked at several split points of a stream. */
final class Snapshots {
    private Snapshots() {
    }

    static byte[] bytes(Snapshottable s) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buf)) {
            s.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static void restore(Snapshottable s, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            s.readState(in);
            assertThat(in.read()).as("every byte of the state is read").isEqualTo(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the stream uninterrupted, and again split at each of {@code splits} (fractions of the
     * stream) with the state moved through bytes into a fresh instance: the targets must be
     * identical, and so must the final states' bytes. Returns the uninterrupted run's targets.
     */
    static List<Recorded> assertRestartInvariant(Supplier<Strategy> factory, List<MarketEvent> events, double... splits) {
        Strategy whole = factory.get();
        List<Recorded> expected = Recorded.run(whole, events);
        byte[] finalState = bytes(whole);
        for (double split : splits) {
            int cut = (int) (events.size() * split);
            Strategy first = factory.get();
            List<Recorded> got = new ArrayList<>(Recorded.run(first, events, 0, cut));
            byte[] state = bytes(first);
            Strategy second = factory.get();
            restore(second, state);
            assertThat(bytes(second)).as("a restored state writes the same bytes").isEqualTo(state);
            got.addAll(Recorded.run(second, events, cut, events.size()));
            assertThat(got).as("targets with a restart at event " + cut).isEqualTo(expected);
            assertThat(bytes(second)).as("final state after a restart at event " + cut).isEqualTo(finalState);
        }
        return expected;
    }
}
