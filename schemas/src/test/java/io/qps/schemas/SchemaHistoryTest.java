package io.qps.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schema stays BACKWARD compatible with each committed version of itself
 * ({@code schema-history/<Name>/v<N>.avsc}, v1 = first committed), and the newest snapshot is exactly the current
 * schema: changing a schema means adding {@code v<N+1>.avsc}, and this test then checks the change.
 */
class SchemaHistoryTest {

    static List<Schema> history(String name) throws IOException {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            try (InputStream in = SchemaHistoryTest.class.getResourceAsStream("/schema-history/" + name + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    @TestFactory
    List<DynamicTest> everySchemaReadsEveryCommittedVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Schema current : SchemaCatalog.all()) {
            tests.add(DynamicTest.dynamicTest(current.getName(), () -> {
                List<Schema> versions = history(current.getName());
                assertThat(versions).as("committed versions of %s", current.getName()).isNotEmpty();
                assertThat(versions.get(versions.size() - 1).toString())
                        .as("newest snapshot of %s must equal the current schema: add schema-history/%s/v%d.avsc",
                                current.getName(), current.getName(), versions.size() + 1)
                        .isEqualTo(current.toString());
                for (int v = 0; v < versions.size(); v++) {
                    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, versions.get(v)).getType())
                            .as("%s reads data written with v%d", current.getName(), v + 1)
                            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                }
            }));
        }
        return tests;
    }

    @Test
    void catalogueListsTheTopLevelRecordsInOrder() {
        assertThat(SchemaCatalog.all()).extracting(Schema::getName).containsExactly("MarketEvent", "OrderEvent",
                "FillEvent", "RejectEvent", "ExecutionReport", "Position", "PnlSnapshot", "SessionManifest", "RunManifest");
        assertThat(SchemaCatalog.byName("Position")).isSameAs(Position.getClassSchema());
    }

    @Test
    void addingARequiredFieldIsRefusedAndAddingOneWithADefaultIsAccepted() {
        Schema v1 = OrderEvent.getClassSchema();
        Schema withRequired = withExtraField(v1, false);
        Schema withDefault = withExtraField(v1, true);

        var refused = SchemaCompatibility.checkReaderWriterCompatibility(withRequired, v1);
        assertThat(refused.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(refused.getResult().getIncompatibilities()).singleElement().satisfies(i -> {
            assertThat(i.getType()).isEqualTo(SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
            assertThat(i.getMessage()).isEqualTo("venue");
        });
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(withDefault, v1).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void narrowingAFixedPointFieldIsRefused() {
        Schema narrowed = SchemaBuilder.record("Position").namespace("io.qps.schemas").fields()
                .requiredString("run").requiredInt("seq").endRecord();
        Schema old = SchemaBuilder.record("Position").namespace("io.qps.schemas").fields()
                .requiredString("run").requiredLong("seq").endRecord();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(narrowed, old).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static Schema withExtraField(Schema base, boolean withDefault) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : base.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(withDefault ? new Schema.Field("venue", Schema.create(Schema.Type.STRING), "venue", "SIM")
                : new Schema.Field("venue", Schema.create(Schema.Type.STRING), "venue"));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }
}
