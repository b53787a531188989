package io.qps.stream.gate;

/**
 * An upstream broke the gate's contract (late data, a duplicate causal key, a progress marker that
 * goes backwards, an unknown source). This is not a rejection to report as data: the merged output
 * can no longer be proven deterministic, so the application must stop.
 */
public final class GateInvariantException extends IllegalStateException {

    public GateInvariantException(String message) {
        super(message);
    }
}
