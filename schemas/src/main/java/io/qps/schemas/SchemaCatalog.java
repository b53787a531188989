package io.qps.schemas;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The top-level Avro schemas of qps, in a fixed order: the value schema of each topic kind and the records
 * that also travel on their own. Each is the schema compiled into its generated class.
 */
public final class SchemaCatalog {
    private static final List<Schema> ALL = List.of(
            MarketEvent.getClassSchema(),
            OrderEvent.getClassSchema(),
            FillEvent.getClassSchema(),
            RejectEvent.getClassSchema(),
            ExecutionReport.getClassSchema(),
            Position.getClassSchema(),
            PnlSnapshot.getClassSchema(),
            SessionManifest.getClassSchema(),
            RunManifest.getClassSchema());

    private SchemaCatalog() {
    }

    /** Every top-level schema, in declaration order (market data, orders, fills, positions, PnL, session and run manifests). */
    public static List<Schema> all() {
        return ALL;
    }

    /** The top-level schema with the simple record name {@code name}, e.g. {@code "MarketEvent"}. */
    public static Schema byName(String name) {
        for (Schema schema : ALL) {
            if (schema.getName().equals(name)) {
                return schema;
            }
        }
        throw new IllegalArgumentException("no top-level qps schema named '" + name + "'");
    }
}
