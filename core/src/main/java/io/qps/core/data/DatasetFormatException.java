package io.qps.core.data;

import java.nio.file.Path;

/**
 * A dataset file that cannot be read: wrong magic, unsupported version, broken structure, checksum
 * mismatch or truncation. The message is one line saying what is wrong, where (file and byte
 * offset) and what to do about it.
 */
public final class DatasetFormatException extends RuntimeException {
    private final transient Path file;
    private final long offset;

    public DatasetFormatException(Path file, long offset, String problem, String remedy) {
        super(file + " at byte " + offset + ": " + problem + "; " + remedy);
        this.file = file;
        this.offset = offset;
    }

    /** The file that failed to read. */
    public Path file() {
        return file;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
