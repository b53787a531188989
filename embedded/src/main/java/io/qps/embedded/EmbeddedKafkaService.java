package io.qps.embedded;

/** The embedded Kafka broker as an {@link EmbeddedService} named {@code kafka}. */
public final class EmbeddedKafkaService implements EmbeddedService {
    private final EmbeddedKafka kafka;

    /**
     * @param kafka the broker
     */
    public EmbeddedKafkaService(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    /** @return the broker, e.g. for its bootstrap servers once started */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public ServiceStatus start() {
        BrokerState state = kafka.start();
        return new ServiceStatus(name(), true, state.bootstrapServers(), describe(state));
    }

    @Override
    public boolean stop() {
        return kafka.stop();
    }

    @Override
    public ServiceStatus status() {
        BrokerStatus status = kafka.status();
        String endpoint = status.state().map(BrokerState::bootstrapServers).orElse(kafka.bootstrapServers());
        String detail = status.up() ? describe(status.state().orElseThrow()) : status.detail();
        return new ServiceStatus(name(), status.up(), endpoint, detail);
    }

    private String describe(BrokerState state) {
        String listener = state.secure()
                ? "listener SASL_PLAINTEXT (" + BrokerSecurity.MECHANISM + ", ACLs enforced), " : "";
        return listener + "pid " + state.pid() + ", controller " + Ports.LOOPBACK + ":" + state.controllerPort() + ", data "
                + kafka.dataDir() + ", log " + kafka.logFile();
    }
}
