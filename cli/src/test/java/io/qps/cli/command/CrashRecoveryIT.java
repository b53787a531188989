package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.Qps;
import io.qps.cli.SharedCluster;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.BackgroundJvm;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.RunOutputReader;
import io.qps.stream.topology.RunTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md 1.3, "a kill -9 of the app at any moment, followed by a restart": a live run in a child JVM is killed
 * with SIGKILL while it processes, then resumed with {@code qps live --attach} on the same state folder; the run's
 * committed outputs equal the reference engine's byte for byte (no lost and no duplicated record: exactly-once).
 */
class CrashRecoveryIT {
    private static final Pattern PROGRESS = Pattern.compile("released seq [0-9,]+ of [0-9,]+ \\(([0-9.]+)%\\)");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void aLiveRunKilledMidwayAndResumedEqualsTheReferenceEngine() throws Exception {
        Path dataset = dir.resolve("11-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(11, 1).withDensity(0.5), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
        String state = dir.resolve("qps").toString();
        // published paced from here (one day at 3,600 x: about 24 s) while the child consumes, so that the run is
        // still going when the child is killed
        CliRun[] publish = new CliRun[1];
        Thread publisher = new Thread(() -> publish[0] = CliRun.run(CLUSTER.command("publish", "--session-id", "crash1",
                "--dataset", dataset.toString(), "--partitions", "4", "--speed", "3600").toArray(new String[0])),
                "paced-publish");
        publisher.start();

        Path log = dir.resolve("child.log");
        Process child = BackgroundJvm.start(BackgroundJvm.command(List.of("-Xmx1g"), BackgroundJvm.currentClasspath(),
                Qps.class.getName(), CLUSTER.command("live", "--session-id", "crash1", "--attach", "--threads", "2",
                        "--data-dir", state)), dir, log);
        double killedAt;
        try {
            killedAt = waitForProgress(child, log);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(killedAt).isBetween(0.0, 95.0);
        assertThat(child.exitValue()).isEqualTo(137);
        publisher.join();
        assertThat(publish[0].exit()).as(publish[0].err()).isZero();

        CliRun resumed = resume(state);
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("run live of session crash1: COMPLETE");

        CanonicalForm live = new RunOutputReader(Map.of("bootstrap.servers", CLUSTER.bootstrap()),
                Duration.ofSeconds(30))
                .canonical(topics(SessionId.of("crash1"), "live"),
                        new SchemaRegistryClient(CLUSTER.registryUrl()));
        for (var topic : io.qps.core.engine.OutputTopic.values()) {
            assertThat(live.lines(topic)).as(topic.suffix()).isEqualTo(reference.canonical().lines(topic));
        }
        assertThat(live.digest()).isEqualTo(reference.digest());
    }

    /**
     * Resumes the killed run. Until the broker expires the dead process's group members (consumer session timeout,
     * 10 s) the CLI refuses, naming the members; it is retried for up to a minute, as a user would.
     */
    private static CliRun resume(String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            CliRun run = CliRun.run(CLUSTER.command("live", "--session-id", "crash1", "--attach", "--data-dir", state)
                    .toArray(new String[0]));
            if (run.exit() == 0 || !run.err().contains("is still running: its consumer group has")
                    || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(2_000);
        }
    }

    private static RunTopics topics(SessionId session, String run) {
        return new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                TopicNames.positions(session, run), TopicNames.pnl(session, run));
    }

    /** Waits until the child reports processing progress (some but not all of the session), returns the percent. */
    private static double waitForProgress(Process child, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the live run ended before it could be killed:\n"
                        + BackgroundJvm.logTail(log, 30));
            }
            if (Files.exists(log)) {
                Matcher m = PROGRESS.matcher(Files.readString(log));
                double last = -1;
                while (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
                if (last > 0) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no progress from the live run within 3 minutes:\n" + BackgroundJvm.logTail(log, 30));
    }
}
