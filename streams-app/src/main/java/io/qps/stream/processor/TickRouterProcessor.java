package io.qps.stream.processor;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.MarketDigest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * One task per ticks partition, stateless: decodes each tick once and forwards it twice, first as an
 * {@link ExecMessage.Tick} bound to the same partition of the exec topic, then as a {@link MarketDigest} for the
 * cross task. Both carry the tick's partition. Output timestamps are the tick's event time in ms.
 */
public final class TickRouterProcessor implements Processor<String, io.qps.schemas.MarketEvent, String, Object> {
    private final Universe universe;
    private ProcessorContext<String, Object> context;

    public TickRouterProcessor(Universe universe) {
        this.universe = universe;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, io.qps.schemas.MarketEvent> record) {
        if (record.value() == null) {
            throw new IllegalStateException("tick with key " + record.key() + " has no value");
        }
        MarketEvent event = MarketEventMapping.toCore(record.value());
        int partition = context.recordMetadata().map(RecordMetadata::partition)
                .orElseThrow(() -> new IllegalStateException("tick " + event.seq() + " has no source partition"));
        if (event.instrument() < 0 || event.instrument() >= universe.size()) {
            throw new IllegalStateException("tick " + event.seq() + " of instrument id " + event.instrument()
                    + " is outside the session's universe of " + universe.size());
        }
        String symbol = universe.get(event.instrument()).symbol();
        long ms = Math.floorDiv(event.timestampMicros(), 1000L);
        context.forward(new Record<>(symbol, new ExecMessage.Tick(partition, event), ms));
        context.forward(new Record<>(symbol, new MarketDigest(partition, event), ms));
    }
}
