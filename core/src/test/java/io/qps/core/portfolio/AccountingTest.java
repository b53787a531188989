package io.qps.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

/** Golden accounting: average cost, partial closes, flips, rounding, marks and unrealized PnL. */
class AccountingTest {
    private static final StrategyId P = StrategyId.ALPHA_1_PAIRS;
    private static final StrategyId B = StrategyId.ALPHA_2_BREAKOUT;
    private static final Universe U = Universe.standard();
    private static final int BTC = 0;
    private static final int AAPL = 4;
    private static final int ES = 8;

    private final Portfolio portfolio = new Portfolio(U, PortfolioConfig.defaults());
    private long seq;

    private String fill(StrategyId s, int instrument, long signedQty, long price, long fee) {
        seq++;
        FillEvent f = new FillEvent(seq, U.get(instrument).symbol(), 0, seq * 1_000, s, instrument, "o" + seq,
                Side.of(signedQty), Math.abs(signedQty), price, Liquidity.TAKER, fee, 0, seq - 1);
        PositionRecord r = portfolio.onFill(f);
        assertThat(Math.addExact(r.cash(), r.costBasis()))
                .as("cash + costBasis == realized - fees after %s", r)
                .isEqualTo(r.realizedPnl() - r.fees());
        return r.canonical();
    }

    @Test
    void longToShortFlipRealizesTheLongAndOpensTheRest() {
        // buy 100 AAPL at 100.00: $10,000 cost, fee $0.05
        assertThat(fill(P, AAPL, 100, 10000, 50_000))
                .isEqualTo("1|AAPL|0|alpha_1_pairs|100|10000000000|10000|0|50000|-10000050000");
        // sell 300 at 101.00: close 100 (+$100), open short 200 at 101.00
        assertThat(fill(P, AAPL, -300, 10100, 150_000))
                .isEqualTo("2|AAPL|0|alpha_1_pairs|-200|-20200000000|10100|100000000|200000|20299800000");
        // buy 200 at 100.50: close the short (+$100)
        assertThat(fill(P, AAPL, 200, 10050, 0))
                .isEqualTo("3|AAPL|0|alpha_1_pairs|0|0|0|200000000|200000|199800000");
        assertThat(portfolio.realizedPnl(P)).isEqualTo(200_000_000);
        assertThat(portfolio.fees(P)).isEqualTo(200_000);
        assertThat(portfolio.totalPnl(P)).isEqualTo(199_800_000);
        assertThat(portfolio.cash(P)).isEqualTo(199_800_000);
        assertThat(portfolio.fills(P)).isEqualTo(3);
    }

    @Test
    void averageCostAcrossAddsAndPartialCloses() {
        assertThat(fill(P, BTC, 1000, 5000000, 0))
                .isEqualTo("1|BTC-USD|0|alpha_1_pairs|1000|5000000000|5000000|0|0|-5000000000");
        // 0.2 more at 50,003: average 50,002.00
        assertThat(fill(P, BTC, 2000, 5000300, 0))
                .isEqualTo("2|BTC-USD|0|alpha_1_pairs|3000|15000600000|5000200|0|0|-15000600000");
        // sell 0.1 at 50,010: +$0.80 over the average
        assertThat(fill(P, BTC, -1000, 5001000, 0))
                .isEqualTo("3|BTC-USD|0|alpha_1_pairs|2000|10000400000|5000200|800000|0|-9999600000");
        // sell 0.05 at 49,990: -$0.60
        assertThat(fill(P, BTC, -500, 4999000, 0))
                .isEqualTo("4|BTC-USD|0|alpha_1_pairs|1500|7500300000|5000200|200000|0|-7500100000");
    }

    @Test
    void partialCloseRoundsTheRemovedCostTowardZeroAndTheLastCloseTakesTheRest() {
        fill(P, ES, 1, 400000, 0);
        fill(P, ES, 1, 400025, 0);
        assertThat(fill(P, ES, 1, 400025, 0))
                .isEqualTo("3|ES|0|alpha_1_pairs|3|600025000000|400016|0|0|-600025000000");
        // removed 600,025,000,000 / 3 = 200,008,333,333 (toward zero)
        assertThat(fill(P, ES, -1, 400100, 0))
                .isEqualTo("4|ES|0|alpha_1_pairs|2|400016666667|400016|41666667|0|-399975000000");
        assertThat(fill(P, ES, -2, 400100, 0))
                .isEqualTo("5|ES|0|alpha_1_pairs|0|0|0|125000000|0|125000000");
    }

    @Test
    void unrealizedIsMidMarkedValueMinusCostWithHalfTicksRoundedTowardZero() {
        fill(P, BTC, 1, 4999990, 0);
        fill(B, BTC, -1, 5000010, 0);
        fill(B, ES, -1, 400000, 0);
        portfolio.onMarketEvent(new Quote(10, 10_000, BTC, 5000000, 5, 5000001, 5), s -> { });
        portfolio.onMarketEvent(new BookUpdate(11, 11_000, ES, new long[] {400000}, new long[] {3},
                new long[] {400025}, new long[] {4}), s -> { });
        assertThat(portfolio.twiceMid(BTC)).isEqualTo(10000001);
        // +0.0001 BTC marked at 5,000,000.5 -> 5,000,000 (toward zero), cost 4,999,990
        assertThat(portfolio.unrealizedPnl(P)).isEqualTo(10);
        // -0.0001 BTC marked -5,000,000 vs cost -5,000,010 (+10); -1 ES marked -200,006,250,000 vs -200,000,000,000
        assertThat(portfolio.unrealizedPnl(B)).isEqualTo(10 - 6_250_000);
        assertThat(portfolio.grossExposure(B)).isEqualTo(5_000_000 + 200_006_250_000L);
        assertThat(portfolio.unrealizedPnl()).isEqualTo(20 - 6_250_000);
        assertThat(portfolio.totalPnl()).isEqualTo(portfolio.totalPnl(P) + portfolio.totalPnl(B));
        assertThat(portfolio.totalPnl(B)).isEqualTo(portfolio.cash(B) - 5_000_000 - 200_006_250_000L);
    }
}
