package io.qps.verify;

import io.qps.core.engine.OutputRecord;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;

/**
 * The books an output record belongs to, as small indexes: each strategy at its {@link StrategyId} ordinal, then
 * the {@link PnlSnapshot#TOTAL} PnL book.
 */
final class Books {
    static final StrategyId[] STRATEGIES = StrategyId.values();
    /** The index of the TOTAL book. */
    static final int TOTAL = STRATEGIES.length;
    /** The number of books. */
    static final int COUNT = TOTAL + 1;

    private Books() {
    }

    /** The book index of {@code r}. */
    static int of(OutputRecord r) {
        if (r instanceof OrderEvent o) {
            return o.strategy().ordinal();
        } else if (r instanceof FillEvent f) {
            return f.strategy().ordinal();
        } else if (r instanceof RejectEvent j) {
            return j.strategy().ordinal();
        } else if (r instanceof PositionRecord p) {
            return p.strategy().ordinal();
        } else if (r instanceof PnlSnapshot s) {
            return s.book().equals(PnlSnapshot.TOTAL) ? TOTAL : StrategyId.fromCode(s.book()).ordinal();
        }
        throw new IllegalArgumentException("unknown output record type " + r.getClass().getName());
    }

    /** The code of book {@code index}: a strategy code or {@code TOTAL}. */
    static String code(int index) {
        return index == TOTAL ? PnlSnapshot.TOTAL : STRATEGIES[index].code();
    }
}
