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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances in separate JVMs share a live run: {@code qps live --attach} and {@code qps worker}. The
 * worker is SIGKILLed mid-run; the survivor takes its tasks over (from their changelogs, exactly once) and finishes
 * the run, whose outputs equal the reference engine's.
 */
class WorkerIT {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Test
    void aWorkerKilledMidRunLeavesTheRunToTheSurvivorAndTheOutputsEqualTheReference() throws Exception {
        Path dataset = dir.resolve("13-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(13, 1).withDensity(1.0), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
        CliRun publish = CliRun.run(CLUSTER.command("publish", "--session-id", "work1", "--dataset", dataset.toString(),
                "--partitions", "6").toArray(new String[0]));
        assertThat(publish.exit()).as(publish.err()).isZero();

        Path mainLog = dir.resolve("main.log");
        Path workerLog = dir.resolve("worker.log");
        Process main = BackgroundJvm.start(BackgroundJvm.command(List.of("-Xmx1g"), BackgroundJvm.currentClasspath(),
                Qps.class.getName(), CLUSTER.command("live", "--session-id", "work1", "--attach", "--threads", "1",
                        "--data-dir", dir.resolve("a").toString())), dir, mainLog);
        Process worker = BackgroundJvm.start(BackgroundJvm.command(List.of("-Xmx1g"),
                BackgroundJvm.currentClasspath(), Qps.class.getName(), CLUSTER.command("worker", "--session-id",
                        "work1", "--threads", "1", "--wait", "60", "--data-dir", dir.resolve("b").toString())), dir,
                workerLog);
        try {
            waitFor(workerLog, "joined run live of work1", Duration.ofMinutes(2), worker);
            Thread.sleep(4_000);
            assertThat(main.isAlive()).as("the run must still be going when the worker is killed").isTrue();
            worker.destroyForcibly();
            worker.waitFor();
            assertThat(main.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        } finally {
            worker.destroyForcibly();
            main.destroyForcibly();
        }
        assertThat(main.exitValue()).as(BackgroundJvm.logTail(mainLog, 40)).isZero();
        assertThat(Files.readString(mainLog)).contains("run live of session work1: COMPLETE");

        SessionId id = SessionId.of("work1");
        CanonicalForm live = new RunOutputReader(Map.of("bootstrap.servers", CLUSTER.bootstrap()),
                Duration.ofSeconds(30))
                .canonical(new RunTopics(TopicNames.orders(id, "live"), TopicNames.fills(id, "live"),
                        TopicNames.positions(id, "live"), TopicNames.pnl(id, "live")), new SchemaRegistryClient(
                        CLUSTER.registryUrl()));
        for (var topic : io.qps.core.engine.OutputTopic.values()) {
            assertThat(live.lines(topic)).as(topic.suffix()).isEqualTo(reference.canonical().lines(topic));
        }
    }

    private static void waitFor(Path log, String text, Duration limit, Process p) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("process ended before '" + text + "':\n" + BackgroundJvm.logTail(log, 30));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + limit + ":\n" + BackgroundJvm.logTail(log, 30));
    }
}
