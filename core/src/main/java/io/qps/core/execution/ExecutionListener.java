package io.qps.core.execution;

/** Receives what the execution step produces, in the order it happens. */
public interface ExecutionListener {
    void onOrder(OrderEvent order);

    void onFill(FillEvent fill);

    void onReject(RejectEvent reject);
}
