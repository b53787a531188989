package io.qps.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {
    @Test
    void schemaEntriesLookLikeConfluentsSchemasTopic() {
        StoreRecord entry = new StoreRecord.SchemaEntry("demo1.ticks-value", 2, 7, "\"long\"");
        assertThat(text(StoreRecordCodec.key(entry)))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"demo1.ticks-value\",\"version\":2,\"magic\":1}");
        assertThat(text(StoreRecordCodec.value(entry))).isEqualTo(
                "{\"subject\":\"demo1.ticks-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"long\\\"\",\"deleted\":false}");
        assertThat(StoreRecordCodec.decode(StoreRecordCodec.key(entry), StoreRecordCodec.value(entry))).isEqualTo(entry);
    }

    @Test
    void configEntriesRoundTripGlobalAndPerSubject() {
        StoreRecord global = new StoreRecord.ConfigEntry(null, "FULL");
        StoreRecord subject = new StoreRecord.ConfigEntry("a-value", "NONE");
        assertThat(text(StoreRecordCodec.key(global))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(StoreRecordCodec.value(subject))).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(StoreRecordCodec.decode(StoreRecordCodec.key(global), StoreRecordCodec.value(global))).isEqualTo(global);
        assertThat(StoreRecordCodec.decode(StoreRecordCodec.key(subject), StoreRecordCodec.value(subject))).isEqualTo(subject);
    }

    @Test
    void tombstonesDeletedAndForeignKeysAreSkipped() {
        byte[] key = StoreRecordCodec.key(new StoreRecord.SchemaEntry("s", 1, 1, "\"int\""));
        assertThat(StoreRecordCodec.decode(key, null)).isNull();
        assertThat(StoreRecordCodec.decode(key, bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"x\",\"deleted\":true}")))
                .isNull();
        assertThat(StoreRecordCodec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), bytes("{}"))).isNull();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
