package io.qps.stream.codec;

import io.qps.core.execution.FillEvent;
import java.util.List;

/**
 * What the portfolio needs of one tick, sent by the tick's exec task once the tick was matched: the fields
 * the portfolio's mark and sampling read, and the fills the tick caused, in emission order.
 *
 * @param seq the tick's global sequence number (dense: the portfolio task gets one entry per seq)
 * @param timestampMicros the tick's time, microseconds since the epoch
 * @param instrument the tick's instrument id
 * @param book whether the tick carries a book (quote or book update); {@code bestBid}/{@code bestAsk} are 0 if not
 * @param bestBid raw best bid after the tick
 * @param bestAsk raw best ask after the tick
 * @param fills the fills of this tick, {@code sub} 0, 1, 2 ...
 */
public record LedgerEntry(long seq, long timestampMicros, int instrument, boolean book, long bestBid, long bestAsk,
                          List<FillEvent> fills) {
    public LedgerEntry {
        fills = List.copyOf(fills);
    }
}
