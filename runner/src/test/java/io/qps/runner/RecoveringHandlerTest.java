package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class RecoveringHandlerTest {
    @Test
    void kafkaErrorsReplaceTheThreadAndTheApplicationsOwnStopTheRun() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> log = new ArrayList<>();
        RecoveringHandler h = new RecoveringHandler(failure, log::add);
        KafkaException endTxn = new KafkaException("Unhandled error in EndTxnResponse",
                new TimeoutException("Timeout expired after 60000ms"));
        assertThat(h.handle(new StreamsException(endTxn))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(failure.get()).isNull();
        assertThat(log).singleElement().asString().contains("replacing it").contains("Timeout expired");
        StreamsException bad = new StreamsException("Exception caught in process",
                new IllegalStateException("bad record in s.ticks partition 0 at offset 3: crossed book"));
        assertThat(h.handle(bad)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failure.get()).isSameAs(bad);
    }

    @Test
    void aThreadThatKeepsDyingStopsTheRun() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RecoveringHandler h = new RecoveringHandler(failure, line -> { });
        for (int i = 0; i < RecoveringHandler.MAX_REPLACEMENTS; i++) {
            assertThat(h.handle(new KafkaException("fenced"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(h.handle(new KafkaException("fenced"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failure.get()).hasMessage("fenced");
    }
}
