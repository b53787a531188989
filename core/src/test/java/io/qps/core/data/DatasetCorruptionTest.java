package io.qps.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files fail with one clear {@link DatasetFormatException}, never an EOF stack trace. */
class DatasetCorruptionTest {
    @TempDir
    Path dir;
    private Path good;
    private byte[] bytes;

    @BeforeEach
    void writeGoodFile() throws IOException {
        good = dir.resolve("good.qpsd");
        DatasetFiles.generate(DatasetFileTest.TINY, good);
        bytes = Files.readAllBytes(good);
    }

    private Path variant(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void flippedByteInTheEventsIsAChecksumMismatch() throws IOException {
        byte[] b = bytes.clone();
        b[b.length / 2] ^= 0x10;
        Path p = variant("flipped.qpsd", b);
        long trailerAt = b.length - (44 + 8 * 10);
        assertThatThrownBy(() -> DatasetReader.load(p))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(p + " at byte " + trailerAt + ": checksum mismatch: the trailer records SHA-256 "
                        + DatasetFileTest.TINY_SHA256 + " but bytes 0.." + trailerAt + " hash to "
                        + java.util.HexFormat.of().formatHex(sha256(Arrays.copyOf(b, (int) trailerAt)))
                        + "; the file is corrupt; regenerate it or copy it again");
        assertThatThrownBy(() -> DatasetReader.open(p)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void flippedByteInTheStoredChecksumIsAlsoAMismatch() throws IOException {
        byte[] b = bytes.clone();
        b[b.length - 1] ^= 0x01;
        Path p = variant("flipped-sum.qpsd", b);
        assertThatThrownBy(() -> DatasetReader.load(p)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void truncatedFileSaysSo() throws IOException {
        for (int keep : new int[] {bytes.length - 1, bytes.length / 2, 100, 10, 3, 0}) {
            Path p = variant("cut" + keep + ".qpsd", Arrays.copyOf(bytes, keep));
            assertThatThrownBy(() -> DatasetReader.load(p))
                    .as("kept %d bytes", keep)
                    .isInstanceOf(DatasetFormatException.class)
                    .hasMessageStartingWith(p.toString() + " at byte ")
                    .hasMessageContaining("truncated")
                    .satisfies(e -> assertThat(((DatasetFormatException) e).file()).isEqualTo(p));
        }
    }

    @Test
    void badMagicIsNotADataset() throws IOException {
        byte[] b = bytes.clone();
        b[0] = 'P';
        b[1] = 'K';
        Path p = variant("zip.qpsd", b);
        assertThatThrownBy(() -> DatasetReader.load(p))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(p + " at byte 0: not a qps dataset (magic is PKSD, expected QPSD); pass a file written by 'generate'")
                .satisfies(e -> assertThat(((DatasetFormatException) e).offset()).isZero());
    }

    @Test
    void unsupportedVersionNamesBothVersions() throws IOException {
        byte[] b = bytes.clone();
        b[5] = 2;
        Path p = variant("v2.qpsd", b);
        assertThatThrownBy(() -> DatasetReader.load(p))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(p + " at byte 4: unsupported format version 2 (this build reads version 1); "
                        + "regenerate the dataset with this build or use a build that reads version 2");
    }

    @Test
    void tamperedTrailerCountIsCaughtAtTheEnd() throws IOException {
        byte[] b = bytes.clone();
        int countAt = b.length - (44 + 8 * 10) + 4 + 7;
        b[countAt] ^= 0x01;
        Path p = variant("count.qpsd", b);
        try (DatasetReader r = DatasetReader.open(p)) {
            assertThat(r.trailer().eventCount()).isEqualTo(8_111);
            assertThatThrownBy(() -> r.forEachRemaining(e -> { }))
                    .isInstanceOf(DatasetFormatException.class)
                    .hasMessageContaining("trailer counts 8111 events but the file holds 8110");
        }
    }

    @Test
    void garbageEventTagIsAStructuralError() throws IOException {
        // Rewrite the first event's tag to an unknown kind and fix up the checksum, as a buggy writer would.
        byte[] b = bytes.clone();
        int headerEnd;
        try (DatasetReader r = DatasetReader.open(good)) {
            headerEnd = headerLength(r.header());
        }
        b[headerEnd] = 0x06;
        int trailerAt = b.length - (44 + 8 * 10);
        System.arraycopy(sha256(Arrays.copyOf(b, trailerAt)), 0, b, b.length - 32, 32);
        Path p = variant("tag.qpsd", b);
        assertThatThrownBy(() -> DatasetReader.load(p))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(p + " at byte " + headerEnd + ": bad event tag 6 (instrument 0, kind 6); "
                        + "the file is damaged or was not written by qps; regenerate it");
    }

    private static int headerLength(DatasetHeader h) {
        int n = 36;
        for (var in : h.instruments()) {
            n += 1 + in.symbol().length() + 1 + in.assetClass().name().length() + 2 + 24
                    + 1 + in.quoteCurrency().length() + 1 + 1 + in.hours().name().length();
        }
        return n;
    }

    static byte[] sha256(byte[] data) {
        return DatasetWriter.sha256Digest().digest(data);
    }
}
