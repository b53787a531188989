package io.qps.core.engine;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;

/** Receives the reference engine's outputs in processing order. */
public interface EngineSink {
    void onOrder(OrderEvent order);

    void onFill(FillEvent fill);

    void onReject(RejectEvent reject);

    void onPosition(PositionRecord position);

    void onPnl(PnlSnapshot snapshot);
}
