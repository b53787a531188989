package io.qps.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structure and realism of one simulated day (seed 7, density 0.2). */
class MarketSimulatorTest {
    private static final SimConfig CONFIG = SimConfig.defaults(7, 1).withDensity(0.2);
    private static List<MarketEvent> events;

    @BeforeAll
    static void generate() {
        events = run(CONFIG);
    }

    private static List<MarketEvent> run(SimConfig cfg) {
        List<MarketEvent> out = new ArrayList<>();
        long n = new MarketSimulator(cfg).run(out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void goldenStartOfTinyConfig() {
        List<MarketEvent> tiny = run(SimConfig.defaults(7, 1).withDensity(0.01));
        assertThat(tiny).hasSize(8110);
        assertThat(tiny.get(0)).isEqualTo(new BookUpdate(1, 1_704_067_212_081_085L, 8,
                new long[] {475000, 474975, 474950, 474925, 474900}, new long[] {13, 26, 24, 36, 76},
                new long[] {475025, 475050, 475075, 475100, 475125}, new long[] {38, 25, 38, 41, 56}));
    }

    @Test
    void eventsAreInDatasetOrderWithDenseSeq() {
        long[] lastTsOf = new long[10];
        MarketEvent prev = null;
        for (int k = 0; k < events.size(); k++) {
            MarketEvent e = events.get(k);
            assertThat(e.seq()).isEqualTo(k + 1);
            assertThat(e.timestampMicros()).isBetween(CONFIG.startMicros(), CONFIG.endMicros() - 1);
            if (prev != null) {
                assertThat(e.timestampMicros()).isGreaterThanOrEqualTo(prev.timestampMicros());
                if (e.timestampMicros() == prev.timestampMicros()) {
                    assertThat(e.instrument()).isGreaterThanOrEqualTo(prev.instrument());
                }
            }
            assertThat(e.timestampMicros()).isGreaterThan(lastTsOf[e.instrument()]);
            lastTsOf[e.instrument()] = e.timestampMicros();
            prev = e;
        }
        assertThat(events.size()).isBetween(140_000, 190_000);
    }

    @Test
    void eventsOnlyWhileTheMarketIsOpen() {
        Universe u = CONFIG.universe();
        int equityEvents = 0;
        for (MarketEvent e : events) {
            Instrument in = u.get(e.instrument());
            assertThat(in.hours().isOpen(e.timestampMicros())).as("%s open at %d", in.symbol(), e.timestampMicros()).isTrue();
            if (in.symbol().equals("AAPL")) {
                long minuteOfDay = (e.timestampMicros() - CONFIG.startMicros()) / 60_000_000L;
                assertThat(minuteOfDay).isBetween(14L * 60 + 30, 21L * 60 - 1);
                equityEvents++;
            }
        }
        assertThat(equityEvents).isGreaterThan(8_000);
    }

    @Test
    void depthInstrumentsPublishFiveMonotoneLevelsOthersQuotes() {
        Universe u = CONFIG.universe();
        for (MarketEvent e : events) {
            Instrument in = u.get(e.instrument());
            if (e instanceof BookUpdate b) {
                assertThat(in.hasDepth()).isTrue();
                assertThat(b.bidLevels()).isEqualTo(5);
                assertThat(b.askLevels()).isEqualTo(5);
                for (int k = 0; k < 5; k++) {
                    assertThat(in.isOnTick(b.bidPrices()[k]) && in.isOnTick(b.askPrices()[k])).isTrue();
                    assertThat(in.isWholeLots(b.bidSizes()[k]) && b.bidSizes()[k] > 0).isTrue();
                    assertThat(in.isWholeLots(b.askSizes()[k]) && b.askSizes()[k] > 0).isTrue();
                    if (k > 0) {
                        assertThat(b.bidPrices()[k]).isLessThan(b.bidPrices()[k - 1]);
                        assertThat(b.askPrices()[k]).isGreaterThan(b.askPrices()[k - 1]);
                    }
                }
                assertThat(b.bestBid()).isLessThan(b.bestAsk());
            } else if (e instanceof Quote q) {
                assertThat(in.hasDepth()).isFalse();
                assertThat(in.isOnTick(q.bidPrice()) && in.isOnTick(q.askPrice())).isTrue();
                assertThat(in.isWholeLots(q.bidSize()) && in.isWholeLots(q.askSize())).isTrue();
                assertThat(q.bidSize() > 0 && q.askSize() > 0 && q.bidPrice() < q.askPrice()).isTrue();
            } else {
                Trade t = (Trade) e;
                assertThat(in.isOnTick(t.price()) && in.isWholeLots(t.size()) && t.size() > 0).isTrue();
            }
        }
    }

    @Test
    void pricesAndSpreadsAreRealistic() {
        Universe u = CONFIG.universe();
        double[] expected = {42_000, 2_300, 100, 150, 185, 375, 1.10, 1.27, 4_750, 16_800};
        long[][] spreadRange = {{1, 4}, {1, 4}, {1, 2}, {1, 3}, {1, 2}, {1, 3}, {10, 20}, {12, 25}, {25, 25}, {25, 50}};
        for (MarketEvent e : events) {
            if (e.isBook()) {
                Instrument in = u.get(e.instrument());
                double mid = (e.bestBid() + e.bestAsk()) / 2.0 / Math.pow(10, in.priceDecimals());
                assertThat(mid / expected[e.instrument()]).as(in.symbol()).isBetween(0.85, 1.15);
                long spread = e.bestAsk() - e.bestBid();
                assertThat(spread).as(in.symbol()).isBetween(spreadRange[e.instrument()][0], spreadRange[e.instrument()][1]);
            }
        }
    }

    @Test
    void tradesPrintMostlyAtTheTouchSometimesThrough() {
        long[] bid = new long[10];
        long[] ask = new long[10];
        int atTouch = 0;
        int through = 0;
        for (MarketEvent e : events) {
            int i = e.instrument();
            if (e.isBook()) {
                bid[i] = e.bestBid();
                ask[i] = e.bestAsk();
            } else {
                Trade t = (Trade) e;
                long touch = t.aggressor() == Side.BUY ? ask[i] : bid[i];
                if (t.price() == touch) {
                    atTouch++;
                } else {
                    assertThat(t.aggressor() == Side.BUY ? t.price() > touch : t.price() < touch).isTrue();
                    through++;
                }
            }
        }
        double share = atTouch / (double) (atTouch + through);
        assertThat(share).isBetween(0.89, 0.95);
    }

    @Test
    void sameSeedSameEventsOtherSeedOtherEvents() {
        SimConfig small = SimConfig.defaults(7, 1).withDensity(0.05);
        List<MarketEvent> a = run(small);
        assertThat(run(small)).isEqualTo(a);
        assertThat(run(SimConfig.defaults(8, 1).withDensity(0.05))).isNotEqualTo(a);
    }

    @Test
    void iteratorYieldsExactlyWhatRunEmits() {
        SimConfig small = SimConfig.defaults(7, 1).withDensity(0.05);
        List<MarketEvent> pulled = new ArrayList<>();
        Iterator<MarketEvent> it = new MarketSimulator(small).iterator();
        it.forEachRemaining(pulled::add);
        assertThat(pulled).isEqualTo(run(small));
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
}
