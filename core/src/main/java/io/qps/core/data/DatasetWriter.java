package io.qps.core.data;

import io.qps.core.market.MarketEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a dataset file one event at a time, in constant memory. Events must come in {@code seq}
 * order, dense from 1. The file is written next to its destination as {@code <name>.part} and moved
 * into place by {@link #finish()}; closing without finishing (for example after an exception)
 * deletes the partial file, so a dataset file on disk is always complete.
 */
public final class DatasetWriter implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final OutputStream stream;
    private final ByteOutput out;
    private final EventEncoder encoder;
    private final int instruments;
    private DatasetSummary summary;
    private boolean failed;
    private boolean closed;

    private DatasetWriter(Path target, DatasetHeader header) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        this.stream = Files.newOutputStream(part);
        this.out = new ByteOutput(stream, sha256Digest());
        this.encoder = new EventEncoder(header);
        this.instruments = header.instruments().size();
        HeaderCodec.write(out, header);
    }

    /** Starts a dataset file at {@code target} (replaced when finished) with {@code header}. */
    public static DatasetWriter create(Path target, DatasetHeader header) {
        if (header.formatVersion() != DatasetHeader.FORMAT_VERSION) {
            throw new IllegalArgumentException("this build writes format version " + DatasetHeader.FORMAT_VERSION
                    + ", not " + header.formatVersion());
        }
        try {
            return new DatasetWriter(target, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target, e);
        }
    }

    /**
     * Appends one event.
     *
     * @throws IllegalArgumentException if the event breaks what the format relies on (seq not the
     *     next one, time going back, price off tick, size not in whole lots, levels not monotone);
     *     the writer is then unusable and {@link #close()} discards the partial file
     */
    public void write(MarketEvent event) {
        if (failed || summary != null || closed) {
            throw new IllegalStateException("writer for " + target + " is " + (failed ? "failed" : "finished"));
        }
        try {
            encoder.encode(event, out);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Writes the end marker and trailer, moves the file into place and returns its summary. */
    public DatasetSummary finish() {
        if (summary != null) {
            return summary;
        }
        if (failed || closed) {
            throw new IllegalStateException("writer for " + target + " cannot finish: it failed or was closed");
        }
        out.u8(HeaderCodec.END_TAG);
        byte[] hash = out.stopDigest();
        out.bytes(HeaderCodec.TRAILER_MAGIC);
        out.i64(encoder.count());
        List<Long> counts = new ArrayList<>(instruments);
        for (long c : encoder.countsPerInstrument()) {
            out.i64(c);
            counts.add(c);
        }
        out.bytes(hash);
        out.flush();
        long bytes = out.position();
        try {
            stream.close();
            closed = true;
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target, e);
        }
        summary = new DatasetSummary(target, encoder.count(), counts, bytes, HexFormat.of().formatHex(hash));
        return summary;
    }

    /** Releases the file; if {@link #finish()} was not called, deletes the partial file. */
    @Override
    public void close() {
        if (summary != null) {
            return;
        }
        try {
            if (!closed) {
                closed = true;
                stream.close();
            }
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard " + part, e);
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
