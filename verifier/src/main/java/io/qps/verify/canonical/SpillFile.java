package io.qps.verify.canonical;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/** A file of {@link KeyedLine}s in causal-key order: one sorted run of an external sort. */
final class SpillFile {
    private static final int BUFFER = 1 << 16;

    private SpillFile() {
    }

    /** Writes {@code lines} (already sorted) to {@code file}. */
    static void write(Path file, Iterable<KeyedLine> lines) {
        write(file, lines.iterator());
    }

    /** Writes what {@code lines} yields (already sorted) to {@code file}. */
    static void write(Path file, Iterator<KeyedLine> lines) {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            while (lines.hasNext()) {
                lines.next().write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spill file " + file, e);
        }
    }

    /** A reader positioned at the file's first line. */
    static Cursor open(Path file, int order) {
        try {
            return new Cursor(file, order, new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    BUFFER / 2)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + file, e);
        }
    }

    /** Deletes {@code files}, ignoring ones already gone. */
    static void delete(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete spill file " + f, e);
            }
        }
    }

    /** One open spill file and its current line; {@code order} breaks ties between files deterministically. */
    static final class Cursor implements AutoCloseable {
        private final Path file;
        private final int order;
        private final DataInputStream in;
        private KeyedLine head;

        private Cursor(Path file, int order, DataInputStream in) {
            this.file = file;
            this.order = order;
            this.in = in;
            advance();
        }

        KeyedLine head() {
            return head;
        }

        int order() {
            return order;
        }

        /** Moves to the next line; {@link #head} is {@code null} at the end. */
        void advance() {
            try {
                head = KeyedLine.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spill file " + file, e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close spill file " + file, e);
            }
        }
    }
}
