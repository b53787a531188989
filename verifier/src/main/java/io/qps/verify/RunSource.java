package io.qps.verify;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineSink;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceEngine;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import java.util.Iterator;
import java.util.function.BiConsumer;

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

    /** A run already in memory. */
    static RunSource of(RunResults results) {
        return new RunSource() {
            @Override
            public String run() {
                return results.run();
            }

            @Override
            public void forEach(BiConsumer<OutputTopic, OutputRecord> sink) {
                results.records().forEach((topic, records) -> records.forEach(r -> sink.accept(topic, r)));
            }
        };
    }

    /**
     * The reference engine (run id {@code reference}) run over {@code events} (in seq order) as the records are
     * pulled, so the dataset can stream from its file. The events are consumed: the source can be read once.
     */
    static RunSource reference(Universe universe, EngineConfig config, Iterator<? extends MarketEvent> events) {
        return new RunSource() {
            @Override
            public String run() {
                return "reference";
            }

            @Override
            public void forEach(BiConsumer<OutputTopic, OutputRecord> sink) {
                ReferenceEngine engine = new ReferenceEngine(universe, config, new EngineSink() {
                    @Override
                    public void onOrder(OrderEvent order) {
                        sink.accept(OutputTopic.ORDERS, order);
                    }

                    @Override
                    public void onFill(FillEvent fill) {
                        sink.accept(OutputTopic.FILLS, fill);
                    }

                    @Override
                    public void onReject(RejectEvent reject) {
                        sink.accept(OutputTopic.FILLS, reject);
                    }

                    @Override
                    public void onPosition(PositionRecord position) {
                        sink.accept(OutputTopic.POSITIONS, position);
                    }

                    @Override
                    public void onPnl(PnlSnapshot snapshot) {
                        sink.accept(OutputTopic.PNL, snapshot);
                    }
                });
                while (events.hasNext()) {
                    engine.onEvent(events.next());
                }
            }
        };
    }
}
