package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedServicesTest {
    private final List<String> calls = new ArrayList<>();

    /** A stand-in local service that records what it is asked to do (not a broker). */
    private final class RecordingService implements EmbeddedService {
        private final String name;
        private final boolean failOnStart;
        private boolean running;

        RecordingService(String name, boolean failOnStart) {
            this.name = name;
            this.failOnStart = failOnStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ServiceStatus start() {
            calls.add("start " + name);
            if (failOnStart) {
                throw new IllegalStateException(name + " cannot start");
            }
            running = true;
            return status();
        }

        @Override
        public boolean stop() {
            calls.add("stop " + name);
            boolean was = running;
            running = false;
            return was;
        }

        @Override
        public ServiceStatus status() {
            return new ServiceStatus(name, running, name + ":1", running ? "running" : "stopped");
        }
    }

    @Test
    void startsInOrderStopsInReverseOrder() {
        EmbeddedServices services = new EmbeddedServices(List.of(
                new RecordingService("kafka", false), new RecordingService("registry", false)));
        assertThat(services.startAll()).containsExactly(new ServiceStatus("kafka", true, "kafka:1", "running"),
                new ServiceStatus("registry", true, "registry:1", "running"));
        assertThat(services.statusAll()).extracting(ServiceStatus::up).containsExactly(true, true);
        assertThat(services.stopAll()).containsExactly("registry", "kafka");
        assertThat(services.stopAll()).isEmpty();
        assertThat(calls).containsExactly("start kafka", "start registry", "stop registry", "stop kafka",
                "stop registry", "stop kafka");
    }

    @Test
    void aFailedStartStopsWhatThisCallStarted() {
        EmbeddedServices services = new EmbeddedServices(List.of(
                new RecordingService("kafka", false), new RecordingService("registry", true)));
        assertThatThrownBy(services::startAll).hasMessage("registry cannot start");
        assertThat(calls).containsExactly("start kafka", "start registry", "stop kafka");
        assertThat(services.statusAll()).extracting(ServiceStatus::up).containsExactly(false, false);
    }
}
