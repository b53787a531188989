package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.MarketEvent;
import io.qps.core.sim.SimConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reference engine is a pure function of dataset and configuration. */
class ReferenceEngineDeterminismTest {
    private static final long SEED = 42;

    @Test
    void twoRunsInOneJvmGiveTheSameDigestAndDifferentSeedsDiffer() {
        EngineResult first = SimulatedRuns.run(SimulatedRuns.small(SEED));
        EngineResult second = SimulatedRuns.run(SimulatedRuns.small(SEED));
        EngineResult other = SimulatedRuns.run(SimulatedRuns.small(SEED + 1));

        assertThat(first.outputs().fills()).isNotEmpty();
        assertThat(second.digest()).isEqualTo(first.digest());
        for (OutputTopic topic : OutputTopic.values()) {
            assertThat(second.canonical().lines(topic)).isEqualTo(first.canonical().lines(topic));
        }
        assertThat(other.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void aSeparateJvmGivesTheSameDigest() throws IOException, InterruptedException {
        String expected = SimulatedRuns.run(SimulatedRuns.small(SEED)).digest();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ReferenceDigestMain.class.getName(), Long.toString(SEED))
                .redirectErrorStream(true).start();
        String output;
        try {
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            assertThat(finished).as("child JVM finished").isTrue();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.trim()).isEqualTo("digest=" + expected);
    }

    @Test
    void restartingFromSavedStateMidStreamChangesNothing() throws IOException {
        SimConfig config = SimulatedRuns.small(SEED);
        List<MarketEvent> events = SimulatedRuns.events(config);
        EngineResult uninterrupted = ReferenceRun.run(config.universe(), EngineConfig.defaults(), events);

        for (int cut : new int[] {events.size() / 3, events.size() / 2 + 17, events.size() - 5}) {
            RecordingSink before = new RecordingSink();
            ReferenceEngine first = new ReferenceEngine(config.universe(), EngineConfig.defaults(), before);
            events.subList(0, cut).forEach(first::onEvent);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            first.writeState(new DataOutputStream(bytes));

            ReferenceRun resumed = new ReferenceRun(config.universe(), EngineConfig.defaults());
            resumed.engine().readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            resumed.engine().writeState(new DataOutputStream(again));
            assertThat(again.toByteArray()).as("restored state writes the same bytes").isEqualTo(bytes.toByteArray());
            events.subList(cut, events.size()).forEach(resumed::accept);
            RecordingSink after = resumed.finish().outputs();

            RecordingSink combined = new RecordingSink();
            replay(before, combined);
            replay(after, combined);
            assertThat(combined.canonicalForm().digest()).as("cut at event %d", cut).isEqualTo(uninterrupted.digest());
        }
    }

    private static void replay(RecordingSink from, RecordingSink to) {
        from.orders().forEach(to::onOrder);
        from.fills().forEach(to::onFill);
        from.rejects().forEach(to::onReject);
        from.positions().forEach(to::onPosition);
        from.pnl().forEach(to::onPnl);
    }
}
