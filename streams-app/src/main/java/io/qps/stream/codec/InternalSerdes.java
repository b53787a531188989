package io.qps.stream.codec;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serdes of the internal topics' values, over {@link InternalCodec}. */
public final class InternalSerdes {
    private InternalSerdes() {
    }

    /** Values of the market repartition topic. */
    public static Serde<MarketDigest> digest() {
        return of(InternalCodec::encode, InternalCodec::decodeDigest);
    }

    /** Values of the exec repartition topic. */
    public static Serde<ExecMessage> exec() {
        return of(InternalCodec::encode, InternalCodec::decodeExec);
    }

    /** Values of the ledger repartition topic. */
    public static Serde<LedgerEntry> ledger() {
        return of(InternalCodec::encode, InternalCodec::decodeLedger);
    }

    private static <T> Serde<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : encode.apply(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode.apply(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
