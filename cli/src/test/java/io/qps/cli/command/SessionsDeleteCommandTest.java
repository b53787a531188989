package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.producer.session.SessionId;
import io.qps.schemas.RunManifest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsDeleteCommandTest {
    @Test
    void theTopicsOfASessionAreItsOwnNotThoseOfASessionWhoseIdExtendsIt() {
        Set<String> existing = Set.of("qps.demo.ticks", "qps.demo.live.orders", "qps.demo.live.fills",
                "qps.demo.live.positions", "qps.demo.live.pnl", "qps.demo-x.ticks", "qps.demo.x.ticks",
                "qps-demo-exec-repartition", "qps-demo-qps-portfolio-state-changelog",
                "qps-demo-x-exec-repartition", "qps-demo-x-qps-portfolio-state-changelog", "qps.sessions", "qps.runs");
        RunManifest live = RunManifest.newBuilder().setSessionId("demo").setRun("live")
                .setStatus(io.qps.schemas.RunStatus.COMPLETE).setMode(io.qps.schemas.RunMode.LIVE).setPartitions(1)
                .setThreads(1).setMergeMode("GATED").setEvents(1).setCreatedBy("t").setDatasetSha256("d")
                .setConfigHash("c").setEngineConfigHash("e").setStartedMillis(1).setFinishedMillis(2).setError("")
                .build();

        Set<String> topics = SessionsDeleteCommand.topics(SessionId.of("demo"), List.of(live), existing,
                Set.of("demo", "demo-x", "demo.x"));

        assertThat(topics).containsExactly("qps-demo-exec-repartition", "qps-demo-qps-portfolio-state-changelog",
                "qps.demo.live.fills", "qps.demo.live.orders", "qps.demo.live.pnl", "qps.demo.live.positions",
                "qps.demo.ticks");
    }

    @Test
    void deleteNeedsAnId() {
        CliRun run = CliRun.run("sessions", "delete");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ID");
    }
}
