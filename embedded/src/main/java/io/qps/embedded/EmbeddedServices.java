package io.qps.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of local services behind {@code qps up}: started in list order (the broker first, then what
 * needs it, such as the schema registry), stopped in reverse order. To add a service, implement
 * {@link EmbeddedService} and add it to the list the CLI builds.
 */
public final class EmbeddedServices {
    private final List<EmbeddedService> services;

    /**
     * @param services in start order
     */
    public EmbeddedServices(List<? extends EmbeddedService> services) {
        this.services = List.copyOf(services);
    }

    /** @return the services, in start order */
    public List<EmbeddedService> services() {
        return services;
    }

    /**
     * Starts each service in order. If one fails, those already started by this call are stopped again, in reverse
     * order, and the failure is rethrown.
     *
     * @return each service's status after its start, in start order
     */
    public List<ServiceStatus> startAll() {
        List<ServiceStatus> started = new ArrayList<>();
        List<EmbeddedService> toUndo = new ArrayList<>();
        for (EmbeddedService service : services) {
            boolean wasUp = service.status().up();
            try {
                started.add(service.start());
            } catch (RuntimeException e) {
                for (int i = toUndo.size() - 1; i >= 0; i--) {
                    stopQuietly(toUndo.get(i), e);
                }
                throw e;
            }
            if (!wasUp) {
                toUndo.add(service);
            }
        }
        return List.copyOf(started);
    }

    /**
     * Stops every service, in reverse order; tries all of them even if one fails, then rethrows the first failure.
     *
     * @return the names of the services that were running, in stop order
     */
    public List<String> stopAll() {
        List<String> stopped = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = services.size() - 1; i >= 0; i--) {
            EmbeddedService service = services.get(i);
            try {
                if (service.stop()) {
                    stopped.add(service.name());
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(stopped);
    }

    /** @return each service's status, in start order */
    public List<ServiceStatus> statusAll() {
        return services.stream().map(EmbeddedService::status).toList();
    }

    private static void stopQuietly(EmbeddedService service, RuntimeException failure) {
        try {
            service.stop();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
