package io.qps.registry.service;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Checks a candidate schema against a subject's earlier schemas at a compatibility level. */
public final class CompatibilityChecker {
    private CompatibilityChecker() {
    }

    /**
     * The reasons {@code candidate} is incompatible with {@code earlier} (oldest first) at {@code level};
     * empty when it is compatible. Non-transitive levels look at the last earlier schema only.
     */
    public static List<String> check(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return problems;
        }
        List<Schema> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        for (Schema old : against) {
            if (level.backward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "BACKWARD", problems);
            }
            if (level.forward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "FORWARD", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + i.getType() + " at '" + i.getLocation() + "': " + i.getMessage());
        }
    }
}
