package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.OutputCheck;
import io.qps.cli.Qps;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.BackgroundJvm;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionId;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.runner.RunRequest;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.verify.SessionVerifier;
import io.qps.verify.Verification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md 1.3, "a kill -9 of the app at any moment, followed by a restart", at five chosen moments. The app runs as
 * the real CLI ({@code cli/target/qps.jar}, else the test class path) in a child JVM whose output the test reads as
 * it comes; the moment a line shows the wanted point, the child gets SIGKILL ({@link Process#destroyForcibly()}), and
 * the next child resumes. One live session, published paced from the test JVM ({@code qps publish}), goes through:
 * <ol>
 *   <li>(e) right after start-up: killed at the line the run prints once {@code KafkaStreams#start()} returned; the
 *       consumer group then has no committed offset (asserted): before the first commit;</li>
 *   <li>(a) mid-publish: resumed with {@code live --attach}, killed at its first progress line with events released
 *       while the publisher is still writing (asserted);</li>
 *   <li>(b) mid-commit: resumed (restoring its state from the changelogs), with the producer's
 *       {@code TransactionManager} logging at DEBUG; killed at the line "Transition from state IN_TRANSACTION to
 *       COMMITTING_TRANSACTION", which the producer logs as {@code commitTransaction()} begins, before it sends
 *       {@code EndTxn}. Whether the kill landed before the commit's answer is read from the rest of the child's
 *       output (no "to READY" after it) and reported; up to three tries;</li>
 *   <li>(c) after the last event, before COMPLETE: resumed, killed at "released seq N of N, closing" (the last seq
 *       released, the application not yet closed, so its last transaction may be open); the run's manifest is then
 *       still RUNNING (asserted);</li>
 *   <li>resumed once more to completion: COMPLETE, and every output topic equals the reference engine's (count,
 *       duplicates, digest);</li>
 *   <li>(d) during replay: {@code qps replay} killed at its first progress line with events released; run again, it
 *       completes into the next replay run, which equals the reference too, and the verifier passes.</li>
 * </ol>
 */
class KillLoopIT {
    private static final Pattern RELEASED = Pattern.compile("run (\\S+): released seq ([0-9,]+) of ([0-9,]+)");
    private static final String SESSION = "killloop";
    private static final String COMMITTING = "Transition from state IN_TRANSACTION to COMMITTING_TRANSACTION";
    private static final String COMMITTED = "Transition from state COMMITTING_TRANSACTION to READY";
    private static final String TRANSACTION_DEBUG =
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.internals.TransactionManager=debug";
    private static final Pattern ABORTED = Pattern.compile("aborted [0-9]+ open transaction");

    @TempDir
    static Path dir;
    private static EmbeddedSchemaRegistry registry;
    private static String bootstrap;
    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());
    private static final List<Process> CHILDREN = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        bootstrap = KafkaFixture.shared().bootstrapServers();
        registry = EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        CHILDREN.forEach(Process::destroyForcibly);
        if (registry != null) {
            registry.close();
        }
        System.out.println("KillLoopIT:\n" + String.join("\n", REPORT));
    }

    @Test
    void killedAtFivePointsAndResumedEachTimeTheRunEqualsTheReferenceEngine() throws Exception {
        long t0 = System.nanoTime();
        Path dataset = dir.resolve("13-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(13, 1).withDensity(0.05), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
        String state = dir.resolve("qps").toString();
        SessionId id = SessionId.of(SESSION);
        Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap);
        SchemaRegistryClient registryClient = new SchemaRegistryClient(registry.url());

        // one day at 1,800 x: about 48 s of publishing from this JVM, long enough for points (e) and (a)
        CliRun[] publish = new CliRun[1];
        Thread publisher = new Thread(() -> publish[0] = CliRun.run(cluster("publish", "--session-id", SESSION,
                "--dataset", dataset.toString(), "--partitions", "2", "--speed", "1800").toArray(new String[0])),
                "paced-publish");
        publisher.start();

        // (e) right after start-up, before the first commit
        Child e = Child.start("e-startup", List.of(), line -> line.contains("application " + RunRequest
                .applicationId(id) + " started"), cluster("live", "--session-id", SESSION, "--attach", "--data-dir",
                state));
        e.assertKilled();
        assertThat(committedOffsets(kafka, id)).as("committed offsets right after start-up").isEmpty();
        note(e, "group has no committed offset");

        // (a) mid-publish
        Child a = Child.start("a-mid-publish", List.of(),
                line -> released(line, "live") > 0 && publisher.isAlive(), resume(state));
        a.assertKilled();
        assertThat(publisher.isAlive()).as("the publisher is still writing after the kill").isTrue();
        note(a, "publisher still writing");

        // (b) mid-commit: up to three tries to land between commitTransaction() and its answer
        boolean landed = false;
        for (int attempt = 1; attempt <= 3 && !landed; attempt++) {
            long[] progressed = {-1};
            Child b = Child.start("b-mid-commit-" + attempt, List.of(TRANSACTION_DEBUG),
                    line -> {
                        long r = released(line, "live");
                        if (r > 0) {
                            progressed[0] = r;
                        }
                        return progressed[0] > 0 && line.contains(COMMITTING);
                    }, resume(state));
            b.assertKilled();
            List<String> after = b.linesAfterKill();
            landed = after.stream().noneMatch(l -> l.contains(COMMITTED));
            note(b, landed ? "no 'COMMITTING_TRANSACTION to READY' after it: killed before the commit's answer"
                    : "the commit's answer came before the kill (" + after.size() + " lines after it)");
        }
        assertThat(landed).as("one of three kills landed inside a commit").isTrue();

        // (c) after the last event, before COMPLETE
        Child c = Child.start("c-before-complete", List.of(), line -> line.matches(
                "run live: released seq ([0-9,]+) of \\1, closing"), resume(state));
        c.assertKilled();
        RunManifest afterC = new RunCatalog(kafka, registryClient, Duration.ofSeconds(10)).find(id, RunCatalog.LIVE)
                .orElseThrow();
        assertThat(afterC.getStatus()).as("the live run after the kill at 'closing'").isEqualTo(RunStatus.RUNNING);
        note(c, "run still " + afterC.getStatus());

        // resumed to completion
        Child done = Child.start("live-complete", List.of(), line -> false, resume(state));
        assertThat(done.awaitExit()).as(done.transcript()).isZero();
        assertThat(done.transcript()).contains("run live of session " + SESSION + ": COMPLETE");
        publisher.join();
        assertThat(publish[0].exit()).as(publish[0].err()).isZero();
        OutputCheck.assertSameAsReference(kafka, registryClient, id, "live", reference);
        note(done, "COMPLETE; live = reference per topic");

        // (d) during replay: the replay of this small session takes a second or two, less than the interval of its
        // progress lines, so the kill comes at its third transaction commit. Its ticks may all be read by then
        // (ingest runs ahead of release), so what marks it as mid-replay is that the run is not COMPLETE.
        int[] commits = {0};
        Child d = Child.start("d-mid-replay", List.of(TRANSACTION_DEBUG),
                line -> line.contains(COMMITTING) && ++commits[0] == 3,
                cluster("replay", "--session-id", SESSION, "--data-dir", state));
        d.assertKilled();
        long[] progress = inputProgress(kafka, id);
        assertThat(d.transcript()).doesNotContain("run replay-1 of session " + SESSION + ": COMPLETE");
        assertThat(new RunCatalog(kafka, registryClient, Duration.ofSeconds(10)).find(id, "replay-1").orElseThrow()
                .getStatus()).isEqualTo(RunStatus.RUNNING);
        note(d, String.format("%,d of %,d input offsets committed", progress[0], progress[1]));
        Child replay = Child.start("replay-again", List.of(), line -> false,
                cluster("replay", "--session-id", SESSION, "--data-dir", state));
        assertThat(replay.awaitExit()).as(replay.transcript()).isZero();
        assertThat(replay.transcript()).contains("replay-2");
        RunManifest killedReplay = new RunCatalog(kafka, registryClient, Duration.ofSeconds(10))
                .find(id, "replay-1").orElseThrow();
        assertThat(killedReplay.getStatus()).as("the killed replay, once the next one ran").isEqualTo(RunStatus.FAILED);
        OutputCheck.assertSameAsReference(kafka, registryClient, id, "replay-2", reference);
        Verification verdict = new SessionVerifier(kafka, registryClient, Duration.ofSeconds(30))
                .verify(id, null, null, dataset);
        assertThat(verdict.replay().run()).isEqualTo("replay-2");
        assertThat(verdict.passed()).isTrue();
        note(replay, "replay-2 = reference; verify PASS");
        REPORT.add(String.format("total %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private static void note(Child child, String what) {
        boolean aborted;
        synchronized (child.lines) {
            aborted = child.lines.stream().anyMatch(l -> ABORTED.matcher(l).find());
        }
        REPORT.add(String.format("%-20s exit %s after %.1f s%s, killed at: %s%s", child.name,
                child.process.isAlive() ? "-" : String.valueOf(child.process.exitValue()), child.seconds(),
                aborted ? " (aborted the killed one's open transaction first)" : "",
                child.killedAt == null ? "(not killed)" : shorten(child.killedAt.strip()),
                what.isEmpty() ? "" : " -> " + what));
    }

    private static String shorten(String line) {
        int at = line.indexOf("Transition from state");
        return at < 0 ? line : "TransactionManager: " + line.substring(at);
    }

    /** The application's committed input offsets summed over the ticks partitions, and the ticks' end offsets. */
    private static long[] inputProgress(Map<String, Object> kafka, SessionId id) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    RunRequest.applicationId(id)).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            String ticks = io.qps.producer.session.TopicNames.ticks(id);
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            long done = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                if (e.getKey().topic().equals(ticks)) {
                    done += e.getValue().offset();
                }
            }
            for (int p = 0; p < 2; p++) {
                latest.put(new TopicPartition(ticks, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            long end = 0;
            for (var info : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values()) {
                end += info.offset();
            }
            return new long[] {done, end};
        }
    }

    /** The seq a "released seq N of M" line of run {@code run} reports, or -1. */
    private static long released(String line, String run) {
        Matcher m = RELEASED.matcher(line);
        if (!m.find() || !m.group(1).equals(run)) {
            return -1;
        }
        return Long.parseLong(m.group(2).replace(",", ""));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Map<String, Object> kafka, SessionId id)
            throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            return admin.listConsumerGroupOffsets(RunRequest.applicationId(id)).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> resume(String state) {
        return cluster("live", "--session-id", SESSION, "--attach", "--data-dir", state);
    }

    private static List<String> cluster(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap", bootstrap, "--registry-url", registry.url()));
        all.addAll(List.of(args));
        return all;
    }

    /**
     * A {@code qps} command in a child JVM whose merged output is read line by line as it comes (and kept in
     * {@code <name>.log}); the first line {@code killWhen} accepts gets the child SIGKILL from the reading thread
     * itself, so no more than the pipe's latency passes between the line and the kill.
     */
    private static final class Child {
        final String name;
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;
        final long started = System.nanoTime();
        volatile String killedAt;
        volatile int killedIndex = -1;
        volatile long ended;

        private Child(String name, Process process, Predicate<String> killWhen, Path log) {
            this.name = name;
            this.process = process;
            this.reader = new Thread(() -> read(killWhen, log), "child-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(String name, List<String> jvmOptions, Predicate<String> killWhen, List<String> args) {
            List<String> command = new ArrayList<>();
            command.add(BackgroundJvm.javaExecutable());
            command.add("-Xmx512m");
            command.addAll(jvmOptions);
            Path jar = Path.of("target", "qps.jar").toAbsolutePath();
            if (Files.isRegularFile(jar)) {
                command.addAll(List.of("-jar", jar.toString()));
            } else {
                command.addAll(List.of("-cp", BackgroundJvm.currentClasspath(), Qps.class.getName()));
            }
            command.addAll(args);
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                CHILDREN.add(p);
                Path logs = Path.of("target", "KillLoopIT");
                Files.createDirectories(logs);
                return new Child(name, p, killWhen, logs.resolve(name + ".log"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }

        private void read(Predicate<String> killWhen, Path log) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (killedAt == null && killWhen.test(line)) {
                        process.destroyForcibly();
                        killedAt = line;
                        killedIndex = lines.size();
                        ended = System.nanoTime();
                    }
                    lines.add(line);
                    out.write(String.format("[%8.3f] ", (System.nanoTime() - started) / 1e9));
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                lines.add("test: reading the child's output failed: " + e);
            }
        }

        /** Waits (up to 5 minutes) for the child to end and its output to be read; returns its exit code. */
        int awaitExit() throws InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within 5 minutes:\n" + transcript());
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            if (ended == 0) {
                ended = System.nanoTime();
            }
            return process.exitValue();
        }

        /** Waits for the child to end and asserts it was killed by the test (SIGKILL: exit 137). */
        void assertKilled() throws InterruptedException {
            int exit = awaitExit();
            assertThat(killedAt).as(name + " was not killed; it ended with exit " + exit + ":\n" + transcript())
                    .isNotNull();
            assertThat(exit).as(name + " exit after SIGKILL").isEqualTo(137);
        }

        /** The lines the child wrote after the one that triggered its kill (still in the pipe when it died). */
        List<String> linesAfterKill() {
            synchronized (lines) {
                return List.copyOf(lines.subList(killedIndex + 1, lines.size()));
            }
        }

        double seconds() {
            return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
        }

        String transcript() {
            synchronized (lines) {
                int from = Math.max(0, lines.size() - 40);
                return String.join("\n", lines.subList(from, lines.size()));
            }
        }
    }
}
