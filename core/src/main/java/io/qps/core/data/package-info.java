/**
 * The dataset file: a versioned, checksummed, compact binary form of a session's market data, written
 * by {@link io.qps.core.data.DatasetWriter} (or {@link io.qps.core.data.DatasetFiles#generate}) and
 * read by {@link io.qps.core.data.DatasetReader}. The bytes are a pure function of the events and the
 * header: no compression library, no platform-dependent encoding, so the same input gives the same
 * file on every machine, and the file's SHA-256 is the session's dataset hash.
 *
 * <h2>Format, version 1</h2>
 * Fixed-width integers are big-endian; {@code uvarint} is unsigned LEB128 (seven bits per byte, low
 * group first, high bit set on every byte but the last); {@code svarint} is a zigzag-mapped
 * ({@code (v << 1) ^ (v >> 63)}) uvarint; {@code string} is a {@code u8} byte length and that many
 * UTF-8 bytes.
 *
 * <h3>Header</h3>
 * <pre>
 * offset size  field
 *  0      4    magic "QPSD" (0x51 0x50 0x53 0x44)
 *  4      2    format version, u16 = 1
 *  6      8    seed, i64
 * 14      4    days, i32
 * 18      8    startMicros, i64: start of the first day, microseconds since the epoch (UTC)
 * 26      8    densityScale, IEEE-754 double bits (Double.doubleToLongBits), i64
 * 34      2    instrument count n, u16 (1..64)
 * 36      ...  n instrument records, in id order (the record's position is its id):
 *                string symbol; string assetClass (enum name); u8 priceDecimals; u8 qtyDecimals;
 *                i64 tickSize (raw); i64 lotSize (raw); i64 multiplier; string quoteCurrency;
 *                u8 hasDepth (0 or 1); string tradingHours (enum name)
 * </pre>
 *
 * <h3>Events</h3>
 * One record per event, in {@code seq} order; {@code seq} itself is not stored: the k-th record is
 * {@code seq = k} (dense from 1). Prices are stored in ticks ({@code price / tickSize}) and sizes in lots
 * ({@code size / lotSize}); the decoder multiplies back. The decoder keeps, per instrument, the last best
 * bid in ticks ({@code lastBid}, 0 before the instrument's first quote or book), and globally the previous
 * event's timestamp ({@code lastTs}, initially the header's startMicros).
 * <pre>
 * uvarint tag      = instrument id * 8 + kind; kind 0 Quote, 1 BookUpdate, 2 Trade (aggressor BUY),
 *                    3 Trade (aggressor SELL); tag 7 is the end marker (no further fields)
 * uvarint dt       = timestamp - lastTs (microseconds, never negative)
 * Quote:      svarint bidTicks - lastBid; uvarint askTicks - bidTicks - 1;
 *             uvarint bidLots; uvarint askLots                      (then lastBid = bidTicks)
 * BookUpdate: uvarint bidLevels - 1; uvarint askLevels - 1;
 *             svarint bid[0] - lastBid; uvarint ask[0] - bid[0] - 1;
 *             for k = 1..bidLevels-1: uvarint bid[k-1] - bid[k] - 1   (gap to the previous level)
 *             for k = 1..askLevels-1: uvarint ask[k] - ask[k-1] - 1
 *             bidLevels x uvarint bidLots[k]; askLevels x uvarint askLots[k]   (then lastBid = bid[0])
 * Trade:      svarint priceTicks - lastBid; uvarint sizeLots
 * </pre>
 * After the last event comes the end marker, the single byte {@code 0x07}.
 *
 * <h3>Trailer</h3>
 * <pre>
 *  4      magic "QPSE"
 *  8      event count, i64 (= the last seq)
 *  8 x n  events per instrument, i64 each, in id order
 * 32      SHA-256 of every byte from offset 0 through the end marker
 * </pre>
 * The trailer has a fixed length ({@code 44 + 8n}), so a reader finds it from the end of the file.
 * {@link io.qps.core.data.DatasetReader#open} verifies, before yielding anything: the magic, the version,
 * the header, the trailer's magic (a missing one means a truncated file) and the SHA-256; while
 * decoding it checks every tag, that the end marker sits right before the trailer and that the counts
 * match. Every failure is a {@link io.qps.core.data.DatasetFormatException} naming the file, the byte
 * offset and what to do.
 *
 * <p>Size: about 19 bytes per event on the default dataset (a five-level book update takes about 35).
 */
package io.qps.core.data;
