package io.qps.schemas.mapping;

import io.qps.core.execution.OrderEvent.Action;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.FillEvent;
import io.qps.schemas.Liquidity;
import io.qps.schemas.OrderAction;
import io.qps.schemas.OrderEvent;
import io.qps.schemas.OrderType;
import io.qps.schemas.PnlSnapshot;
import io.qps.schemas.Position;
import io.qps.schemas.RejectEvent;
import io.qps.schemas.RejectReason;
import io.qps.schemas.Side;

/**
 * The core's output records to and from their Avro mirrors. The Avro forms add the run id and spell the causal
 * key out ({@code seq}, {@code source}, {@code sub}); going back, the key is recomputed by the core record.
 */
public final class OutputMapping {
    private OutputMapping() {
    }

    /** The orders topic's value for {@code o} in run {@code run}; {@code seq} is the order's cause. */
    public static OrderEvent toAvro(io.qps.core.execution.OrderEvent o, String run) {
        return new OrderEvent(run, o.causeSeq(), o.key().source(), o.sub(), o.strategy().code(), o.symbol(),
                OrderAction.valueOf(o.action().name()), o.orderId(), side(o.side()), o.quantity(),
                OrderType.valueOf(o.type().name()), o.limitPrice(), o.activeFromMicros());
    }

    /** The core order event an orders-topic value carries. */
    public static io.qps.core.execution.OrderEvent toCore(OrderEvent o) {
        return new io.qps.core.execution.OrderEvent(o.getSeq(), StrategyId.fromCode(o.getStrategy()), o.getSymbol(),
                o.getSub(), Action.valueOf(o.getAction().name()), o.getOrderId(), side(o.getSide()), o.getQuantity(),
                type(o.getOrderType()), o.getLimitPrice(), o.getActiveFromMicros());
    }

    /** The Avro form of a fill in run {@code run}. */
    public static FillEvent toAvro(io.qps.core.execution.FillEvent f, String run) {
        return new FillEvent(run, f.seq(), f.key().source(), f.sub(), f.timestampMicros(), f.strategy().code(),
                f.symbol(), f.instrument(), f.orderId(), side(f.side()), f.quantity(), f.price(),
                Liquidity.valueOf(f.liquidity().name()), f.fee(), f.remaining(), f.orderCauseSeq());
    }

    /** The core fill an Avro fill carries. */
    public static io.qps.core.execution.FillEvent toCore(FillEvent f) {
        return new io.qps.core.execution.FillEvent(f.getSeq(), f.getSymbol(), f.getSub(), f.getTimestampMicros(),
                StrategyId.fromCode(f.getStrategy()), f.getInstrument(), f.getOrderId(), side(f.getSide()),
                f.getQuantity(), f.getPrice(), io.qps.core.execution.Liquidity.valueOf(f.getLiquidity().name()),
                f.getFee(), f.getRemaining(), f.getOrderCauseSeq());
    }

    /** The Avro form of a rejection in run {@code run}. */
    public static RejectEvent toAvro(io.qps.core.execution.RejectEvent r, String run) {
        return new RejectEvent(run, r.causeSeq(), r.key().source(), r.sub(), r.strategy().code(), r.symbol(),
                r.orderId(), side(r.side()), r.quantity(), OrderType.valueOf(r.type().name()), r.limitPrice(),
                RejectReason.valueOf(r.reason().name()));
    }

    /** The core rejection an Avro rejection carries. */
    public static io.qps.core.execution.RejectEvent toCore(RejectEvent r) {
        return new io.qps.core.execution.RejectEvent(r.getSeq(), StrategyId.fromCode(r.getStrategy()), r.getSymbol(),
                r.getSub(), r.getOrderId(), side(r.getSide()), r.getQuantity(), type(r.getOrderType()),
                r.getLimitPrice(), io.qps.core.execution.RejectReason.valueOf(r.getReason().name()));
    }

    /** The fills topic's value for a fill or a rejection. */
    public static ExecutionReport report(Object fillOrReject, String run) {
        if (fillOrReject instanceof io.qps.core.execution.FillEvent f) {
            return new ExecutionReport(toAvro(f, run));
        }
        if (fillOrReject instanceof io.qps.core.execution.RejectEvent r) {
            return new ExecutionReport(toAvro(r, run));
        }
        throw new IllegalArgumentException("not a fill or a rejection: " + fillOrReject);
    }

    /** The core fill or rejection an execution report carries. */
    public static io.qps.core.engine.OutputRecord toCore(ExecutionReport report) {
        Object r = report.getReport();
        if (r instanceof FillEvent f) {
            return toCore(f);
        }
        if (r instanceof RejectEvent j) {
            return toCore(j);
        }
        throw new IllegalArgumentException("execution report with unknown branch: " + r);
    }

    /** The positions topic's value for {@code p} in run {@code run}. */
    public static Position toAvro(PositionRecord p, String run) {
        return new Position(run, p.seq(), p.key().source(), p.sub(), p.strategy().code(), p.symbol(), p.instrument(),
                p.quantity(), p.costBasis(), p.averagePrice(), p.realizedPnl(), p.fees(), p.cash());
    }

    /** The core position record a positions-topic value carries. */
    public static PositionRecord toCore(Position p) {
        return new PositionRecord(p.getSeq(), p.getSymbol(), p.getSub(), StrategyId.fromCode(p.getStrategy()),
                p.getInstrument(), p.getQuantity(), p.getCostBasis(), p.getAveragePrice(), p.getRealizedPnl(),
                p.getFees(), p.getCash());
    }

    /** The PnL topic's value for {@code s} in run {@code run}. */
    public static PnlSnapshot toAvro(io.qps.core.portfolio.PnlSnapshot s, String run) {
        return new PnlSnapshot(run, s.seq(), s.key().source(), s.sub(), s.book(), s.boundaryMicros(), s.realizedPnl(),
                s.unrealizedPnl(), s.fees(), s.totalPnl(), s.grossExposure(), s.fills());
    }

    /** The core PnL snapshot a PnL-topic value carries. */
    public static io.qps.core.portfolio.PnlSnapshot toCore(PnlSnapshot s) {
        return new io.qps.core.portfolio.PnlSnapshot(s.getSeq(), s.getBook(), s.getSub(), s.getBoundaryMicros(),
                s.getRealizedPnl(), s.getUnrealizedPnl(), s.getFees(), s.getTotalPnl(), s.getGrossExposure(),
                s.getFills());
    }

    private static Side side(io.qps.core.market.Side side) {
        return Side.valueOf(side.name());
    }

    private static io.qps.core.market.Side side(Side side) {
        return io.qps.core.market.Side.valueOf(side.name());
    }

    private static io.qps.core.execution.OrderType type(OrderType type) {
        return io.qps.core.execution.OrderType.valueOf(type.name());
    }
}
