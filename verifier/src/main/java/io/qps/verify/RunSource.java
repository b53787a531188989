package io.qps.verify;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineSink;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceEngine;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One run's output records, pushed one at a time, per topic, in any order: a run read back from its topics, the
 * reference engine over a dataset, or records already in memory. The verifier sorts them itself, so a source never
 * holds a whole run.
 */
public interface RunSource {
    /** The run id: {@code live}, {@code replay-N} or {@code reference}. */
    String run();

    /** Pushes every output record of the run to {@code sink}, with its topic. */
    void forEach(BiConsumer<OutputTopic, OutputRecord> sink);

    /** A source named {@code run} whose records {@code records} pushes to the sink it is given. */
    static RunSource of(String run, Consumer<BiConsumer<OutputTopic, OutputRecord>> records) {
        return new RunSource() {
            @Override
            public String run() {
                return run;
            }

            @Override
            public void forEach(BiConsumer<OutputTopic, OutputRecord> sink) {
                records.accept(sink);
            }
        };
    }

    /** A run already in memory. */
    static RunSource of(RunResults results) {
        return of(results.run(),
                sink -> results.records().forEach((topic, list) -> list.forEach(r -> sink.accept(topic, r))));
    }

    /**
     * The reference engine (run id {@code reference}) run over {@code events} (in seq order) as the records are
     * pulled, so the dataset can stream from its file. The events are consumed: the source can be read once.
     */
    static RunSource reference(Universe universe, EngineConfig config, Iterator<? extends MarketEvent> events) {
        return of("reference", sink -> {
            ReferenceEngine engine = new ReferenceEngine(universe, config, EngineSink.byTopic(sink));
            while (events.hasNext()) {
                engine.onEvent(events.next());
            }
        });
    }
}
