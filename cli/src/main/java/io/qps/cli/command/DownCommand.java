package io.qps.cli.command;

import io.qps.cli.ServiceCatalog;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.EmbeddedService;
import io.qps.embedded.EmbeddedServices;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qps down}: stops the local services started by {@code up}, in reverse order, and waits for them. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the local services started by 'qps up' (data is kept).")
public final class DownCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LocalOptions local;

    @Override
    public void run() {
        EmbeddedServices services = ServiceCatalog.standard(new ServiceCatalog.LocalServiceSettings(
                local.dataDir(), EmbeddedKafkaConfig.DEFAULT_PORT, EmbeddedKafkaConfig.DEFAULT_CONTROLLER_PORT,
                EmbeddedKafkaConfig.DEFAULT_MAX_HEAP));
        List<String> stopped = services.stopAll();
        PrintWriter out = spec.commandLine().getOut();
        List<EmbeddedService> all = services.services();
        for (int i = all.size() - 1; i >= 0; i--) {
            String name = all.get(i).name();
            out.println(name + (stopped.contains(name) ? " stopped" : " was not running"));
        }
        out.flush();
    }
}
