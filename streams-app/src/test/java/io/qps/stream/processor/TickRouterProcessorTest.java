package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.MarketDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickRouterProcessorTest {
    private static final Universe UNIVERSE = Universe.standard();
    private static final long T = 1_704_117_600_123_456L;

    @Test
    void eachTickGoesToItsOwnExecPartitionThenToTheCrossTaskWithEventTimeInMs() {
        ProcessorRig<String, io.qps.schemas.MarketEvent> rig = new ProcessorRig<>(
                new TickRouterProcessor(UNIVERSE), "s.ticks", 2).init();
        Quote quote = new Quote(1, T, 2, 10_000, 5, 10_001, 7);
        Trade trade = new Trade(2, T + 999, 3, 15_000, 4, Side.BUY);
        BookUpdate book = new BookUpdate(3, T + 1_000, 8, new long[] {480_000}, new long[] {2},
                new long[] {480_025}, new long[] {3});
        rig.pipe("XOM", MarketEventMapping.toAvro(quote, "XOM"), 0L);
        rig.pipe("CVX", MarketEventMapping.toAvro(trade, "CVX"), 0L);
        rig.pipe("ES", MarketEventMapping.toAvro(book, "ES"), 0L);
        assertThat(rig.forwardedValues()).containsExactly(
                new ExecMessage.Tick(2, quote), new MarketDigest(2, quote),
                new ExecMessage.Tick(2, trade), new MarketDigest(2, trade),
                new ExecMessage.Tick(2, book), new MarketDigest(2, book));
        assertThat(rig.forwarded()).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactlyElementsOf(List.of("XOM", "XOM", "CVX", "CVX", "ES", "ES"));
        assertThat(rig.forwarded()).extracting(s -> s.split(" ")[1])
                .containsExactly("@1704117600123", "@1704117600123", "@1704117600124", "@1704117600124",
                        "@1704117600124", "@1704117600124");
    }

    @Test
    void aTickOutsideTheUniverseThrows() {
        ProcessorRig<String, io.qps.schemas.MarketEvent> rig = new ProcessorRig<>(
                new TickRouterProcessor(UNIVERSE), "s.ticks", 0).init();
        Quote quote = new Quote(5, T, 10, 1, 1, 2, 1);
        assertThatThrownBy(() -> rig.pipe("X", MarketEventMapping.toAvro(quote, "X"), 0L))
                .hasMessage("tick 5 of instrument id 10 is outside the session's universe of 10");
    }
}
