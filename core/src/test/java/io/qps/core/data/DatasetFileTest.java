package io.qps.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips and determinism of dataset files written from the simulator. */
class DatasetFileTest {
    /** Seed 7, one day, density 0.01: any change to the simulator or the format changes this hash. */
    static final SimConfig TINY = SimConfig.defaults(7, 1).withDensity(0.01);
    static final String TINY_SHA256 = "7bb5ecef19b198fcc21f2da8c825c6e611210c827cb36bd23c0a614fc5b39c29";

    @TempDir
    Path dir;

    @Test
    void goldenHashOfTheTinyDataset() throws IOException {
        DatasetSummary s = DatasetFiles.generate(TINY, dir.resolve("tiny.qpsd"));
        assertThat(s.eventCount()).isEqualTo(8_110);
        assertThat(s.eventsPerInstrument()).containsExactly(1_510L, 1_263L, 602L, 583L, 572L, 588L, 661L, 507L, 999L, 825L);
        assertThat(s.bytes()).isEqualTo(Files.size(dir.resolve("tiny.qpsd")));
        assertThat(s.sha256()).isEqualTo(TINY_SHA256);
        assertThat(Files.exists(dir.resolve("tiny.qpsd.part"))).isFalse();
    }

    @Test
    void writeThenReadGivesTheSameEventsHeaderAndCounts() {
        SimConfig cfg = SimConfig.defaults(11, 1).withDensity(0.05);
        List<MarketEvent> generated = new ArrayList<>();
        new MarketSimulator(cfg).run(generated::add);
        DatasetSummary s = DatasetFiles.generate(cfg, dir.resolve("d.qpsd"));

        Dataset d = DatasetReader.load(dir.resolve("d.qpsd"));
        assertThat(d.events()).isEqualTo(generated);
        assertThat(d.header()).isEqualTo(DatasetHeader.of(cfg));
        assertThat(d.header().simConfig().universe().all()).isEqualTo(cfg.universe().all());
        assertThat(d.trailer().eventCount()).isEqualTo(generated.size());
        assertThat(d.trailer().eventsPerInstrument()).isEqualTo(s.eventsPerInstrument());
        assertThat(d.sha256()).isEqualTo(s.sha256()).hasSize(64);
        assertThat((double) s.bytes() / s.eventCount()).isLessThan(25.0);

        List<MarketEvent> streamed = new ArrayList<>();
        try (DatasetReader r = DatasetReader.open(dir.resolve("d.qpsd"))) {
            assertThat(r.sha256()).isEqualTo(s.sha256());
            r.forEachRemaining(streamed::add);
            assertThat(r.hasNext()).isFalse();
        }
        assertThat(streamed).isEqualTo(generated);
    }

    @Test
    void sameConfigGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        SimConfig cfg = SimConfig.defaults(3, 1).withDensity(0.02);
        DatasetSummary a = DatasetFiles.generate(cfg, dir.resolve("a.qpsd"));
        DatasetSummary b = DatasetFiles.generate(cfg, dir.resolve("b.qpsd"));
        DatasetSummary c = DatasetFiles.generate(SimConfig.defaults(4, 1).withDensity(0.02), dir.resolve("c.qpsd"));
        assertThat(Files.mismatch(dir.resolve("a.qpsd"), dir.resolve("b.qpsd"))).isEqualTo(-1L);
        assertThat(b.sha256()).isEqualTo(a.sha256());
        assertThat(Files.mismatch(dir.resolve("a.qpsd"), dir.resolve("c.qpsd"))).isNotEqualTo(-1L);
        assertThat(c.sha256()).isNotEqualTo(a.sha256());
    }

    @Test
    void regeneratingReplacesTheFile() throws IOException {
        Path p = dir.resolve("x.qpsd");
        Files.writeString(p, "old content");
        DatasetSummary s = DatasetFiles.generate(TINY, p);
        assertThat(Files.size(p)).isEqualTo(s.bytes());
        assertThat(DatasetReader.load(p).sha256()).isEqualTo(TINY_SHA256);
    }
}
