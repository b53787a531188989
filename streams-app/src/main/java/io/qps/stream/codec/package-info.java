/**
 * The binary codec of the topology's internal topics (market, exec, ledger repartition topics) and of the values
 * buffered in state stores. Not Avro: these records never leave the application; the layout is versioned so a
 * change is detected instead of misread.
 *
 * <h2>Layout (version 1)</h2>
 * All integers big-endian; {@code int} 4 bytes, {@code long} 8, {@code byte} 1; a string is an int length and
 * that many UTF-8 bytes; enums are their ordinal as a byte. Every value starts with {@code byte version = 1},
 * {@code byte kind}:
 * <ul>
 *   <li>kind 1 {@link io.qps.stream.codec.MarketDigest}: int partition, event</li>
 *   <li>kind 2 {@link io.qps.stream.codec.ExecMessage.Tick}: int partition, event</li>
 *   <li>kind 3 {@link io.qps.stream.codec.ExecMessage.Target}: int partition, long causeSeq,
 *       long causeTimestampMicros, byte strategy, int sub, int instrument, long quantity, byte orderType,
 *       long limitPrice</li>
 *   <li>kind 4 {@link io.qps.stream.codec.ExecMessage.Marker}: int partition, long seq</li>
 *   <li>kind 5 {@link io.qps.stream.codec.LedgerEntry}: long seq, long timestampMicros, int instrument,
 *       byte book (0/1), long bestBid, long bestAsk, int fillCount, then per fill: long seq, string symbol,
 *       int sub, long timestampMicros, byte strategy, int instrument, string orderId, byte side, long quantity,
 *       long price, byte liquidity, long fee, long remaining, long orderCauseSeq</li>
 * </ul>
 * An event is {@code byte type} (0 quote, 1 trade, 2 book update), long seq, long timestampMicros, int instrument,
 * then a quote: long bidPrice, bidSize, askPrice, askSize; a trade: long price, long size, byte aggressor; a book:
 * int bidLevels, (long price, long size) per level, int askLevels, (long price, long size) per level.
 * Decoding rejects another version, another kind, truncated input and trailing bytes with a
 * {@link io.qps.stream.codec.CodecException}.
 */
package io.qps.stream.codec;
