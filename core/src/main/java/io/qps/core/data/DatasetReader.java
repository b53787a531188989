package io.qps.core.data;

import io.qps.core.market.MarketEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a dataset file. {@link #open(Path)} checks the magic, the version, the header, the trailer
 * and the SHA-256 of the whole file before returning, so a damaged file fails at once with a
 * {@link DatasetFormatException} and never yields a single event. Iterating then streams the events
 * in {@code seq} order in constant memory; {@link #load(Path)} reads them all into a {@link Dataset}.
 */
public final class DatasetReader implements Iterator<MarketEvent>, AutoCloseable {
    private final Path file;
    private final DatasetHeader header;
    private final DatasetTrailer trailer;
    private final long trailerStart;
    private final ByteInput in;
    private final EventDecoder decoder;
    private MarketEvent next;
    private boolean done;

    private DatasetReader(Path file) throws IOException {
        this.file = file;
        long size = Files.size(file);
        DatasetHeader h;
        try (ByteInput probe = new ByteInput(Files.newInputStream(file), file, size)) {
            h = HeaderCodec.readRest(probe, HeaderCodec.readMagicAndVersion(probe));
        }
        this.header = h;
        int n = h.instruments().size();
        this.trailerStart = size - HeaderCodec.trailerLength(n);
        this.trailer = readTrailer(size, n);
        this.in = new ByteInput(Files.newInputStream(file), file, trailerStart);
        HeaderCodec.readRest(in, HeaderCodec.readMagicAndVersion(in));
        this.decoder = new EventDecoder(h);
    }

    /** Opens and fully verifies {@code file}; the caller closes the reader. */
    public static DatasetReader open(Path file) {
        try {
            return new DatasetReader(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file, e);
        }
    }

    /** Reads the whole dataset into memory. */
    public static Dataset load(Path file) {
        try (DatasetReader r = open(file)) {
            List<MarketEvent> events = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, r.trailer.eventCount()));
            while (r.hasNext()) {
                events.add(r.next());
            }
            return new Dataset(r.header, events, r.trailer);
        }
    }

    public DatasetHeader header() {
        return header;
    }

    public DatasetTrailer trailer() {
        return trailer;
    }

    /** The dataset hash: lower-case hex SHA-256 of the file before its trailer (verified on open). */
    public String sha256() {
        return trailer.sha256();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = decoder.decode(in);
            if (next == null) {
                done = true;
                checkEnd();
            }
        }
        return next != null;
    }

    @Override
    public MarketEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in " + file);
        }
        MarketEvent e = next;
        next = null;
        return e;
    }

    @Override
    public void close() {
        in.close();
    }

    private void checkEnd() {
        if (in.position() != trailerStart) {
            throw in.fail(in.position(), "end marker found " + (trailerStart - in.position())
                    + " bytes before the trailer");
        }
        if (decoder.count() != trailer.eventCount()
                || !Arrays.equals(decoder.countsPerInstrument(), trailer.eventsPerInstrument().stream()
                        .mapToLong(Long::longValue).toArray())) {
            throw in.fail(trailerStart, "trailer counts " + trailer.eventCount() + " events but the file holds "
                    + decoder.count());
        }
    }

    private DatasetTrailer readTrailer(long size, int n) throws IOException {
        long minimum = HeaderCodec.MAGIC.length + 2 + 1;
        if (trailerStart < minimum) {
            throw truncated(size);
        }
        MessageDigest digest = DatasetWriter.sha256Digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            long left = trailerStart;
            while (left > 0) {
                int got = s.read(buf, 0, (int) Math.min(buf.length, left));
                if (got < 0) {
                    throw truncated(size);
                }
                digest.update(buf, 0, got);
                left -= got;
            }
            ByteInput t = new ByteInput(s, file, size);
            long at = trailerStart;
            if (!Arrays.equals(t.bytes(HeaderCodec.TRAILER_MAGIC.length), HeaderCodec.TRAILER_MAGIC)) {
                throw truncated(size);
            }
            long count = t.i64();
            List<Long> counts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                counts.add(t.i64());
            }
            String recorded = HexFormat.of().formatHex(t.bytes(32));
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!recorded.equals(actual)) {
                throw new DatasetFormatException(file, at, "checksum mismatch: the trailer records SHA-256 "
                        + recorded + " but bytes 0.." + at + " hash to " + actual,
                        "the file is corrupt; regenerate it or copy it again");
            }
            return new DatasetTrailer(count, counts, recorded);
        }
    }

    private DatasetFormatException truncated(long size) {
        return new DatasetFormatException(file, size, "no valid trailer at the end of the file (truncated, incomplete or corrupt"
                + " incomplete file of " + size + " bytes)", "regenerate the dataset or copy it again");
    }
}
