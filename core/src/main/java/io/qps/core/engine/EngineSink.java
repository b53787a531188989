package io.qps.core.engine;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import java.util.function.BiConsumer;

/** Receives the reference engine's outputs in processing order. */
public interface EngineSink {
    void onOrder(OrderEvent order);

    void onFill(FillEvent fill);

    void onReject(RejectEvent reject);

    void onPosition(PositionRecord position);

    void onPnl(PnlSnapshot snapshot);

    /** A sink passing each output on with its topic; fills and rejections share {@link OutputTopic#FILLS}. */
    static EngineSink byTopic(BiConsumer<OutputTopic, OutputRecord> out) {
        return new EngineSink() {
            @Override
            public void onOrder(OrderEvent order) {
                out.accept(OutputTopic.ORDERS, order);
            }

            @Override
            public void onFill(FillEvent fill) {
                out.accept(OutputTopic.FILLS, fill);
            }

            @Override
            public void onReject(RejectEvent reject) {
                out.accept(OutputTopic.FILLS, reject);
            }

            @Override
            public void onPosition(PositionRecord position) {
                out.accept(OutputTopic.POSITIONS, position);
            }

            @Override
            public void onPnl(PnlSnapshot snapshot) {
                out.accept(OutputTopic.PNL, snapshot);
            }
        };
    }
}
