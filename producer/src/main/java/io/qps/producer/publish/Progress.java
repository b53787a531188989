package io.qps.producer.publish;

/** Receives the publisher's progress. Called on the publishing thread after each event is handed to the producer. */
public interface Progress {
    /** Does nothing. */
    Progress NONE = new Progress() {
        @Override
        public void update(long sent, long total, long elapsedNanos) {
        }

        @Override
        public void finish(long sent, long total, long elapsedNanos) {
        }
    };

    /** @param sent events sent so far @param total events in the dataset @param elapsedNanos since the start */
    void update(long sent, long total, long elapsedNanos);

    /** The last call, once everything is acknowledged. */
    void finish(long sent, long total, long elapsedNanos);
}
