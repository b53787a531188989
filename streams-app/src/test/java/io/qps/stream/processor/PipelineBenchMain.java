package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.InternalCodec;
import io.qps.stream.codec.LedgerEntry;
import io.qps.stream.codec.MarketDigest;
import io.qps.stream.topology.MergeMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * CPU cost per tick of each processor, no Kafka: the stages run one after the other on a generated session, each
 * fed the previous stage's output through the internal codec (a measurement aid, not a test).
 * Args: density (default 0.05), repetitions (default 3).
 */
final class PipelineBenchMain {
    private PipelineBenchMain() {
    }

    public static void main(String[] args) {
        double density = args.length > 0 ? Double.parseDouble(args[0]) : 0.05;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(density)).run(events::add);
        Universe u = Universe.standard();
        EngineConfig c = EngineConfig.defaults();
        List<io.qps.schemas.MarketEvent> avro = new ArrayList<>();
        for (MarketEvent e : events) {
            avro.add(MarketEventMapping.toAvro(e, u.get(e.instrument()).symbol()));
        }
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime();
            ProcessorRig<String, io.qps.schemas.MarketEvent> router = new ProcessorRig<>(new TickRouterProcessor(u),
                    "ticks", 0).init();
            for (io.qps.schemas.MarketEvent e : avro) {
                router.pipe("k", e, 0L);
            }
            List<byte[]> exec = new ArrayList<>();
            List<byte[]> digests = new ArrayList<>();
            for (Object v : router.forwardedValues()) {
                if (v instanceof ExecMessage m) {
                    exec.add(InternalCodec.encode(m));
                } else {
                    digests.add(InternalCodec.encode((MarketDigest) v));
                }
            }
            long t1 = System.nanoTime();
            ProcessorRig<String, MarketDigest> cross = new ProcessorRig<String, MarketDigest>(
                    adapt(new CrossStrategyProcessor(u, c, 1)), "app-market-repartition", 0)
                    .store(CrossStrategyProcessor.PENDING_STORE, Serdes.Long())
                    .store(CrossStrategyProcessor.STATE_STORE, Serdes.String()).init();
            for (byte[] d : digests) {
                cross.pipe("k", InternalCodec.decodeDigest(d), 0L);
            }
            List<byte[]> fromCross = new ArrayList<>();
            for (Object v : cross.forwardedValues()) {
                fromCross.add(InternalCodec.encode((ExecMessage) v));
            }
            long t2 = System.nanoTime();
            ProcessorRig<String, ExecMessage> instruments = new ProcessorRig<String, ExecMessage>(
                    new InstrumentProcessor(u, c, MergeMode.GATED), "app-exec-repartition", 0)
                    .store(InstrumentProcessor.BUFFER_STORE, Serdes.Bytes())
                    .store(InstrumentProcessor.STATE_STORE, Serdes.String()).init();
            int ci = 0;
            for (byte[] m : exec) {
                ExecMessage tick = InternalCodec.decodeExec(m);
                instruments.pipe("k", tick, 0L);
                while (ci < fromCross.size()) {
                    ExecMessage next = InternalCodec.decodeExec(fromCross.get(ci));
                    if (next.seq() > tick.seq()) {
                        break;
                    }
                    instruments.pipe("k", next, 0L);
                    ci++;
                }
            }
            List<byte[]> ledger = new ArrayList<>();
            for (Object v : instruments.forwardedValues()) {
                if (v instanceof LedgerEntry l) {
                    ledger.add(InternalCodec.encode(l));
                }
            }
            long t3 = System.nanoTime();
            ProcessorRig<String, LedgerEntry> portfolio = new ProcessorRig<String, LedgerEntry>(
                    new PortfolioProcessor(u, c), "app-ledger-repartition", 0)
                    .store(PortfolioProcessor.PENDING_STORE, Serdes.Long())
                    .store(PortfolioProcessor.STATE_STORE, Serdes.String()).init();
            for (byte[] l : ledger) {
                portfolio.pipe("k", InternalCodec.decodeLedger(l), 0L);
            }
            long t4 = System.nanoTime();
            int n = events.size();
            System.out.printf("%d events: router %.1f us, cross %.1f us, instruments %.1f us, portfolio %.1f us per tick%n",
                    n, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> org.apache.kafka.streams.processor.api.Processor<String, T, String, Object> adapt(
            org.apache.kafka.streams.processor.api.Processor<String, T, String, ?> p) {
        return (org.apache.kafka.streams.processor.api.Processor<String, T, String, Object>) (Object) p;
    }
}
