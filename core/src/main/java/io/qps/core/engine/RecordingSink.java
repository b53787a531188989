package io.qps.core.engine;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps every output in processing order, by topic. */
public final class RecordingSink implements EngineSink {
    private final List<OrderEvent> orders = new ArrayList<>();
    private final List<FillEvent> fills = new ArrayList<>();
    private final List<RejectEvent> rejects = new ArrayList<>();
    private final List<PositionRecord> positions = new ArrayList<>();
    private final List<PnlSnapshot> pnl = new ArrayList<>();
    private final List<OutputRecord> executionReports = new ArrayList<>();

    @Override
    public void onOrder(OrderEvent order) {
        orders.add(order);
    }

    @Override
    public void onFill(FillEvent fill) {
        fills.add(fill);
        executionReports.add(fill);
    }

    @Override
    public void onReject(RejectEvent reject) {
        rejects.add(reject);
        executionReports.add(reject);
    }

    @Override
    public void onPosition(PositionRecord position) {
        positions.add(position);
    }

    @Override
    public void onPnl(PnlSnapshot snapshot) {
        pnl.add(snapshot);
    }

    public List<OrderEvent> orders() {
        return orders;
    }

    public List<FillEvent> fills() {
        return fills;
    }

    public List<RejectEvent> rejects() {
        return rejects;
    }

    public List<PositionRecord> positions() {
        return positions;
    }

    public List<PnlSnapshot> pnl() {
        return pnl;
    }

    /** The outputs grouped by topic; fills and rejections share {@link OutputTopic#FILLS}. */
    public Map<OutputTopic, List<? extends OutputRecord>> byTopic() {
        Map<OutputTopic, List<? extends OutputRecord>> map = new EnumMap<>(OutputTopic.class);
        map.put(OutputTopic.ORDERS, orders);
        map.put(OutputTopic.FILLS, executionReports);
        map.put(OutputTopic.POSITIONS, positions);
        map.put(OutputTopic.PNL, pnl);
        return map;
    }

    public CanonicalForm canonicalForm() {
        return CanonicalForm.of(byTopic());
    }
}
