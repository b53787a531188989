package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.PartitionAssignment;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.SessionManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class SessionEntryTest {
    private static final InstrumentSpec BTC = new InstrumentSpec(0, "BTC-USD", "CRYPTO", 2, 4, 1L, 1L, 1L, "USD",
            true, "ALWAYS");
    private static final SessionManifest MANIFEST = new SessionManifest("demo1", "ab".repeat(32), 42L, 3, 6,
            123_456L, List.of(BTC), "0.1.0-SNAPSHOT", "cd".repeat(32), 1, 1_704_067_200_000_000L, 1_763_900_000_123L,
            List.of(), "hash", "", "");

    @Test
    void theRecordCarriesOnlyTheStatusHeaderAndTheTimesInTheManifest() {
        SessionEntry publishing = new SessionEntry(MANIFEST, false);
        assertThat(headerLines(publishing.headers())).containsExactly("qps.status=publishing");
        assertThat(headerLines(publishing.completed().headers())).containsExactly("qps.status=complete");
        assertThat(publishing.completed().manifest()).isSameAs(MANIFEST);

        SessionEntry read = SessionEntry.of(MANIFEST, publishing.completed().headers());
        assertThat(read).isEqualTo(new SessionEntry(MANIFEST, true));
        assertThat(read.startMicros()).isEqualTo(1_704_067_200_000_000L);
        assertThat(read.createdMillis()).isEqualTo(1_763_900_000_123L);
        assertThat(read.session()).isEqualTo(SessionId.of("demo1"));
    }

    @Test
    void aManifestWrittenWithSchemaV1ReadsWithDefaultsAndTakesTheTimesFromItsLegacyHeaders() throws IOException {
        Schema v1 = schemaV1();
        SessionManifest decoded = readAsCurrent(v1, writeV1(v1));
        assertThat(decoded.getSessionId()).isEqualTo("demo1");
        assertThat(decoded.getInstruments()).containsExactly(BTC);
        assertThat(decoded.getStartMicros()).isZero();
        assertThat(decoded.getCreatedMillis()).isZero();

        RecordHeaders legacy = new RecordHeaders();
        legacy.add("qps.start.micros", "1704067200000000".getBytes(StandardCharsets.UTF_8));
        legacy.add("qps.created.millis", "1763900000123".getBytes(StandardCharsets.UTF_8));
        legacy.add("qps.status", "complete".getBytes(StandardCharsets.UTF_8));
        assertThat(SessionEntry.of(decoded, legacy)).isEqualTo(new SessionEntry(MANIFEST, true));

        assertThat(decoded.getPartitionOf()).isEmpty();
        assertThat(decoded.getAssignment()).isEqualTo("hash");
        assertThat(SessionEntry.of(decoded, legacy).assignment())
                .isEqualTo(PartitionAssignments.hash(List.of("BTC-USD"), 6));

        SessionEntry noHeaders = SessionEntry.of(decoded, new RecordHeaders());
        assertThat(noHeaders.complete()).isFalse();
        assertThat(noHeaders.startMicros()).isZero();
        assertThat(noHeaders.createdMillis()).isZero();
    }

    @Test
    void theAssignmentIsTheRecordedPartitionOfOrTheKeyHashWhenNoneIsRecorded() {
        InstrumentSpec eth = new InstrumentSpec(1, "ETH-USD", "CRYPTO", 2, 4, 1L, 1L, 1L, "USD", true, "ALWAYS");
        SessionManifest hashed = SessionManifest.newBuilder(MANIFEST).setInstruments(List.of(BTC, eth)).build();
        // murmur2 as Kafka's default partitioner: the values the publisher used before explicit assignments
        assertThat(new SessionEntry(hashed, true).assignment()).isEqualTo(new PartitionAssignment(6, new int[] {
            Utils.toPositive(Utils.murmur2(
                    "BTC-USD".getBytes(StandardCharsets.UTF_8))) % 6,
            Utils.toPositive(Utils.murmur2(
                    "ETH-USD".getBytes(StandardCharsets.UTF_8))) % 6}));

        SessionManifest balanced = SessionManifest.newBuilder(hashed).setPartitionOf(List.of(4, 0))
                .setAssignment("balanced").build();
        assertThat(new SessionEntry(balanced, true).assignment()).isEqualTo(new PartitionAssignment(6, new int[] {4, 0}));

        SessionManifest wrong = SessionManifest.newBuilder(hashed).setPartitionOf(List.of(1)).build();
        assertThatThrownBy(() -> new SessionEntry(wrong, true).assignment())
                .hasMessageContaining("partitionOf has 1 entries for 2 instruments");
    }

    /** The committed v1 snapshot kept by the schemas module's compatibility test (tests run in the module folder). */
    private static Schema schemaV1() throws IOException {
        Path v1 = Path.of("..", "schemas", "src", "test", "resources", "schema-history", "SessionManifest", "v1.avsc");
        return new Schema.Parser().parse(Files.readString(v1, StandardCharsets.UTF_8));
    }

    private static byte[] writeV1(Schema v1) throws IOException {
        Schema spec = v1.getField("instruments").schema().getElementType();
        GenericRecord btc = new GenericData.Record(spec);
        for (Schema.Field f : spec.getFields()) {
            btc.put(f.name(), BTC.get(f.name()));
        }
        GenericRecord m = new GenericData.Record(v1);
        for (Schema.Field f : v1.getFields()) {
            m.put(f.name(), f.name().equals("instruments") ? List.of(btc) : MANIFEST.get(f.name()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(v1).write(m, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SessionManifest readAsCurrent(Schema writer, byte[] bytes) throws IOException {
        return new SpecificDatumReader<SessionManifest>(writer, SessionManifest.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static List<String> headerLines(Headers headers) {
        return java.util.Arrays.stream(headers.toArray())
                .map((Header h) -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}
