package io.qps.stream.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.TargetPosition;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalCodecTest {
    private static final Quote QUOTE = new Quote(7, 1_704_067_200_000_123L, 2, 10_000, 300, 10_002, 400);
    private static final Trade TRADE = new Trade(8, 1_704_067_200_000_456L, 3, 15_001, 25, Side.SELL);
    private static final BookUpdate BOOK = new BookUpdate(9, 1_704_067_200_001_000L, 8,
            new long[] {480_000, 479_975}, new long[] {3, 12}, new long[] {480_025}, new long[] {5});
    private static final TargetPosition TARGET = new TargetPosition(41, 1_704_067_200_500_000L,
            StrategyId.ALPHA_4_MULTI_ASSET, 2, 9, -3, OrderType.LIMIT, 1_700_025);
    private static final FillEvent FILL = new FillEvent(42, "NQ", 1, 1_704_067_200_600_000L,
            StrategyId.ALPHA_4_MULTI_ASSET, 9, "alpha_4_multi_asset:NQ:41:0", Side.SELL, 2, 1_700_025,
            Liquidity.MAKER, -17, 1, 41);

    @Test
    void markerBytesAreVersionKindPartitionSeq() {
        byte[] bytes = InternalCodec.encode(new ExecMessage.Marker(2, 7));
        assertThat(bytes).containsExactly(1, 4, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 7);
        assertThat(InternalCodec.decodeExec(bytes)).isEqualTo(new ExecMessage.Marker(2, 7));
    }

    @Test
    void targetBytesFollowTheDocumentedLayout() {
        ByteBuffer expected = ByteBuffer.allocate(2 + 4 + 8 + 8 + 1 + 4 + 4 + 8 + 1 + 8);
        expected.put((byte) 1).put((byte) 3).putInt(5).putLong(41).putLong(1_704_067_200_500_000L).put((byte) 3)
                .putInt(2).putInt(9).putLong(-3).put((byte) 1).putLong(1_700_025);
        byte[] bytes = InternalCodec.encode(new ExecMessage.Target(5, TARGET));
        assertThat(bytes).containsExactly(expected.array());
        assertThat(InternalCodec.decodeExec(bytes)).isEqualTo(new ExecMessage.Target(5, TARGET));
    }

    @Test
    void quoteTickBytesFollowTheDocumentedLayout() {
        ByteBuffer expected = ByteBuffer.allocate(2 + 4 + 1 + 8 + 8 + 4 + 32);
        expected.put((byte) 1).put((byte) 2).putInt(0).put((byte) 0).putLong(7).putLong(1_704_067_200_000_123L)
                .putInt(2).putLong(10_000).putLong(300).putLong(10_002).putLong(400);
        assertThat(InternalCodec.encode(new ExecMessage.Tick(0, QUOTE))).containsExactly(expected.array());
    }

    @Test
    void everyMarketEventKindRoundTripsAsTickAndDigest() {
        for (MarketEvent e : List.of(QUOTE, TRADE, BOOK)) {
            ExecMessage tick = new ExecMessage.Tick(3, e);
            assertThat(InternalCodec.decodeExec(InternalCodec.encode(tick))).isEqualTo(tick);
            MarketDigest digest = new MarketDigest(11, e);
            MarketDigest back = InternalCodec.decodeDigest(InternalCodec.encode(digest));
            assertThat(back).isEqualTo(digest);
            assertThat(back.seq()).isEqualTo(e.seq());
        }
        assertThat(InternalCodec.encode(new ExecMessage.Tick(3, TRADE))).hasSize(2 + 4 + 21 + 17);
        assertThat(InternalCodec.encode(new ExecMessage.Tick(3, BOOK))).hasSize(2 + 4 + 21 + 4 + 32 + 4 + 16);
    }

    @Test
    void ledgerEntryRoundTripsWithItsFillsInOrder() {
        FillEvent second = new FillEvent(42, "NQ", 2, 1_704_067_200_600_000L, StrategyId.ALPHA_2_BREAKOUT, 9,
                "alpha_2_breakout:NQ:40:1", Side.BUY, 1, 1_700_050, Liquidity.TAKER, 34, 0, 40);
        LedgerEntry entry = new LedgerEntry(42, 1_704_067_200_600_000L, 9, true, 1_700_025, 1_700_050,
                List.of(FILL, second));
        byte[] bytes = InternalCodec.encode(entry);
        assertThat(InternalCodec.decodeLedger(bytes)).isEqualTo(entry);
        assertThat(bytes).hasSize(2 + 8 + 8 + 4 + 1 + 8 + 8 + 4
                + 2 * (8 + 4 + 2 + 4 + 8 + 1 + 4 + 4 + 1 + 8 + 8 + 1 + 8 + 8 + 8) + 27 + 24);
        LedgerEntry trade = new LedgerEntry(43, 1_704_067_200_700_000L, 3, false, 0, 0, List.of());
        assertThat(InternalCodec.decodeLedger(InternalCodec.encode(trade))).isEqualTo(trade);
    }

    @Test
    void serdesRoundTripAndKeepNull() {
        var exec = InternalSerdes.exec();
        byte[] bytes = exec.serializer().serialize("t", new ExecMessage.Target(1, TARGET));
        assertThat(exec.deserializer().deserialize("t", bytes)).isEqualTo(new ExecMessage.Target(1, TARGET));
        assertThat(exec.serializer().serialize("t", null)).isNull();
        var digest = InternalSerdes.digest();
        assertThat(digest.deserializer().deserialize("t", digest.serializer().serialize("t", new MarketDigest(0, BOOK))))
                .isEqualTo(new MarketDigest(0, BOOK));
        var ledger = InternalSerdes.ledger();
        LedgerEntry entry = new LedgerEntry(42, 5, 9, true, 1, 2, List.of(FILL));
        assertThat(ledger.deserializer().deserialize("t", ledger.serializer().serialize("t", entry))).isEqualTo(entry);
    }

    @Test
    void unreadableBytesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> InternalCodec.decodeExec(new byte[] {2, 4}))
                .isInstanceOf(CodecException.class)
                .hasMessage("internal record version 2, this code reads version 1");
        byte[] marker = InternalCodec.encode(new ExecMessage.Marker(0, 1));
        assertThatThrownBy(() -> InternalCodec.decodeLedger(marker))
                .hasMessage("record of kind 4 where kind 5 was expected");
        assertThatThrownBy(() -> InternalCodec.decodeExec(java.util.Arrays.copyOf(marker, marker.length + 1)))
                .hasMessage("1 trailing bytes after a record of 14 bytes");
        assertThatThrownBy(() -> InternalCodec.decodeExec(java.util.Arrays.copyOf(marker, 10)))
                .hasMessage("truncated record: needs 8 bytes at offset 6 of 10");
        assertThatThrownBy(() -> InternalCodec.decodeDigest(new byte[] {1, 1, 0, 0, 0, 0, 9}))
                .hasMessageStartingWith("truncated record");
    }
}
