package io.qps.stream.processor;

import io.qps.core.engine.PnlSampler;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.stream.codec.BoundaryMessages;
import io.qps.stream.codec.BoundaryMessages.Partial;
import io.qps.stream.state.HeapStateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The portfolio task: the one narrow step. It reads the partitions' PnL shares at each equity-curve
 * boundary (a few records per minute of event time, not ticks), and when every partition's share of a
 * boundary is in, emits the boundary's snapshots ({@link PnlSampler}) keyed by the first event at or
 * after it (the least over the partitions of their first seq at or after it, or for a partition that crossed it by
 * a progress marker, the seq after the marker's). Partitions send their shares in boundary order,
 * so boundaries complete in order whatever the arrival interleaving. It also tracks how far the whole
 * run has got: the least progress over the partitions, stored under {@link #RELEASED_KEY} at each commit.
 */
public final class PortfolioProcessor implements Processor<String, byte[], String, Object> {
    public static final String STORE = "portfolio-state";
    /** Blob key of the released seq (8 bytes, big-endian) in {@link #STORE}. */
    public static final String RELEASED_KEY = "released";
    public static final String PNL = "pnl-out";
    /** Blob key of the run's input problem, if any (UTF-8): events missing or duplicated across partitions. */
    public static final String GAP_KEY = "gap";
    private static final int STATE_VERSION = 1;

    private final int partitions;
    private final String run;
    private ProcessorContext<String, Object> context;
    private HeapStateStore store;
    private final PnlSampler sampler = new PnlSampler();
    private PromptCommits prompt;
    /** Boundary → {count, first seq, figures}. */
    private final TreeMap<Long, Open> open = new TreeMap<>();
    private final long[] progress;
    private final boolean[] ended;
    private final long[] events;
    private final long[] seqSums;
    private String gap;

    public PortfolioProcessor(int partitions, String run) {
        this.partitions = partitions;
        this.run = run;
        this.progress = new long[partitions];
        Arrays.fill(progress, -1);
        this.ended = new boolean[partitions];
        this.events = new long[partitions];
        this.seqSums = new long[partitions];
    }

    private static final class Open {
        int count;
        long firstSeq = BoundaryMessages.NO_EVENT;
        long[][] figures = PnlSampler.zero();
    }

    @Override
    public void init(ProcessorContext<String, Object> ctx) {
        this.context = ctx;
        this.store = ctx.getStateStore(STORE);
        byte[] saved = store.getBlob("state");
        if (saved != null) {
            restore(saved);
        }
        this.prompt = PromptCommits.of(ctx.appConfigs());
        store.onCommit(() -> {
            prompt.committed(context::currentSystemTimeMs);
            store.putBlob("state", snapshot());
            store.putBlob(RELEASED_KEY, ByteBuffer.allocate(8).putLong(released()).array());
            if (gap != null) {
                store.putBlob(GAP_KEY, gap.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public void process(Record<String, byte[]> record) {
        handle(BoundaryMessages.decodePartial(record.value()));
        prompt.processed();
        if (prompt.due(context::currentSystemTimeMs)) {
            context.commit();
        }
    }

    private void handle(Partial p) {
        if (p.from() < 0 || p.from() >= partitions) {
            throw new IllegalStateException("PnL share from partition " + p.from() + " of a " + partitions
                    + "-partition run");
        }
        progress[p.from()] = Math.max(progress[p.from()], p.progress());
        if (p.boundary() == BoundaryMessages.END) {
            ended[p.from()] = true;
            events[p.from()] = p.events();
            seqSums[p.from()] = p.seqSum();
            checkComplete(p.progress());
            return;
        }
        Open o = open.computeIfAbsent(p.boundary(), b -> new Open());
        o.count++;
        o.firstSeq = Math.min(o.firstSeq, firstAtOrAfter(p));
        PnlSampler.add(o.figures, p.figures());
        while (!open.isEmpty() && open.firstEntry().getValue().count == partitions) {
            Map.Entry<Long, Open> done = open.pollFirstEntry();
            Open d = done.getValue();
            if (d.firstSeq == BoundaryMessages.NO_EVENT) {
                throw new IllegalStateException("equity boundary " + done.getKey() + " crossed by no event in any"
                        + " partition");
            }
            sampler.emit(done.getKey(), d.firstSeq, d.figures, this::forward);
        }
    }

    /**
     * The first event of the whole session at or after the share's boundary, as far as this partition can tell: its
     * own first event at or after it, or, when it crossed the boundary by a progress marker, the event after the
     * marker's seq. A marker of seq s says events 1..s are in their partitions before it and every later event is
     * at or after its time; so if none of 1..s is at or after the boundary (else its partition crossed by it and
     * reports a smaller seq), the first that is, is s + 1. The least over the partitions is therefore exact, also
     * when every partition crossed by a marker (a paced publisher's clock rounds do that at a quiet boundary).
     */
    private static long firstAtOrAfter(Partial p) {
        return p.firstSeq() != BoundaryMessages.NO_EVENT ? p.firstSeq() : p.progress() + 1;
    }

    /**
     * Once every partition has ended: the events processed must be exactly 1..last, each once. A single missing
     * seq is named (the sums tell which); otherwise the count is.
     */
    private void checkComplete(long last) {
        for (boolean e : ended) {
            if (!e) {
                return;
            }
        }
        long count = 0;
        long sum = 0;
        for (int p = 0; p < partitions; p++) {
            count += events[p];
            sum += seqSums[p];
        }
        long expectedSum = last * (last + 1) / 2;
        if (count == last && sum == expectedSum) {
            return;
        }
        if (count == last - 1) {
            gap = "seq " + (expectedSum - sum) + " is missing from the ticks topic (" + count + " events of 1.."
                    + last + " arrived): the outputs cannot equal the reference; publish the session again";
        } else {
            gap = count + " events arrived for seqs 1.." + last + " (" + (count < last ? last - count + " missing"
                    : count - last + " too many") + "): 'qps consume --check' names them; publish the session again";
        }
    }

    private void forward(PnlSnapshot s) {
        prompt.forwarded();
        context.forward(new Record<>(s.book(), (Object) OutputMapping.toAvro(s, run), Math.floorDiv(
                s.boundaryMicros(), 1000)), PNL);
    }

    /** The least progress over the partitions: every event up to it is processed (-1 before all report). */
    long released() {
        long min = Long.MAX_VALUE;
        for (long p : progress) {
            min = Math.min(min, p);
        }
        return min;
    }

    private byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            sampler.writeState(out);
            out.writeInt(progress.length);
            for (int k = 0; k < progress.length; k++) {
                out.writeLong(progress[k]);
                out.writeBoolean(ended[k]);
                out.writeLong(events[k]);
                out.writeLong(seqSums[k]);
            }
            out.writeInt(open.size());
            for (Map.Entry<Long, Open> e : open.entrySet()) {
                out.writeLong(e.getKey());
                out.writeInt(e.getValue().count);
                out.writeLong(e.getValue().firstSeq);
                for (long[] row : e.getValue().figures) {
                    for (long v : row) {
                        out.writeLong(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void restore(byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            if (in.readInt() != STATE_VERSION) {
                throw new IOException("unknown portfolio state version");
            }
            sampler.readState(in);
            int n = in.readInt();
            if (n != partitions) {
                throw new IOException("portfolio state of a " + n + "-partition run read by a " + partitions
                        + "-partition one");
            }
            for (int k = 0; k < n; k++) {
                progress[k] = in.readLong();
                ended[k] = in.readBoolean();
                events[k] = in.readLong();
                seqSums[k] = in.readLong();
            }
            int boundaries = in.readInt();
            for (int k = 0; k < boundaries; k++) {
                long b = in.readLong();
                Open o = new Open();
                o.count = in.readInt();
                o.firstSeq = in.readLong();
                for (long[] row : o.figures) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = in.readLong();
                    }
                }
                open.put(b, o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the portfolio task's state", e);
        }
    }
}
