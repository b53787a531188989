package io.qps.cli;

import io.qps.cli.command.BenchCommand;
import io.qps.cli.command.DemoCommand;
import io.qps.cli.command.ConsumeCommand;
import io.qps.cli.command.DownCommand;
import io.qps.cli.command.ExportCommand;
import io.qps.cli.command.GenerateCommand;
import io.qps.cli.command.ImportCommand;
import io.qps.cli.command.InspectCommand;
import io.qps.cli.command.LiveCommand;
import io.qps.cli.command.PublishCommand;
import io.qps.cli.command.ReferenceCommand;
import io.qps.cli.command.ReplayCommand;
import io.qps.cli.command.ReportCommand;
import io.qps.cli.command.ResultsCommand;
import io.qps.cli.command.SessionsCommand;
import io.qps.cli.command.StatusCommand;
import io.qps.cli.command.SweepCommand;
import io.qps.cli.command.UpCommand;
import io.qps.cli.command.VerifyCommand;
import io.qps.cli.command.WorkerCommand;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code qps} command. Global options (accepted before or after the subcommand name) say which cluster and
 * registry to use; {@link #clusterSettings()} resolves them against the environment and the client config file.
 *
 * <p>Exit codes: 0 success, 1 failure at run time, 2 invalid input, 3 {@code status} found a service down.
 */
@Command(name = "qps", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deterministic multi-asset trading simulation on Kafka Streams.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, GenerateCommand.class,
            InspectCommand.class, PublishCommand.class, ConsumeCommand.class, ReferenceCommand.class, DemoCommand.class,
            LiveCommand.class, ReplayCommand.class, VerifyCommand.class, ReportCommand.class, ResultsCommand.class,
            BenchCommand.class, SweepCommand.class, ImportCommand.class, ExportCommand.class, SessionsCommand.class,
            WorkerCommand.class},
        footer = {"", "Environment: " + ClusterSettings.ENV_BOOTSTRAP + ", " + ClusterSettings.ENV_REGISTRY_URL
                + ", " + ClusterSettings.ENV_CLIENT_CONFIG + " (a flag wins over its variable, which wins over the"
                + " client config file, which wins over the default)."})
public final class Qps implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: " + ClusterSettings.DEFAULT_BOOTSTRAP + ").")
    private String bootstrap;

    @Option(names = "--registry-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Schema registry URL (default: " + ClusterSettings.DEFAULT_REGISTRY_URL + ").")
    private String registryUrl;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, bootstrap.servers,"
                    + " schema.registry.url, basic.auth.credentials.source, basic.auth.user.info,"
                    + " schema.registry.ssl.*, replication.factor, min.insync.replicas).")
    private Path config;

    @Option(names = {"--replication-factor", "--replication"}, scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Replication factor of every topic qps creates: ticks, catalogs, results, run outputs and"
                    + " internal topics, the Streams changelogs (default: the client config file's replication.factor,"
                    + " else the broker's default.replication.factor).")
    private Integer replicationFactor;

    @Option(names = "--min-insync-replicas", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "min.insync.replicas of those topics, at most the replication factor (default: the client"
                    + " config file's min.insync.replicas, else the broker's). Retention stays infinite: their"
                    + " records carry event time, often long past, or the topic is compacted.")
    private Integer minInsyncReplicas;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    private boolean verbose;

    private final Map<String, String> environment;

    /** A command reading the process environment. */
    public Qps() {
        this(System.getenv());
    }

    /**
     * @param environment the environment variables to resolve settings against (tests pass their own)
     */
    public Qps(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine(new Qps()).execute(args));
    }

    /**
     * @param root the top-level command object
     * @return a configured command line: one-line error handlers, case-sensitive options
     */
    public static CommandLine commandLine(Qps root) {
        ErrorHandlers handlers = new ErrorHandlers();
        return new CommandLine(root)
                .setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers);
    }

    /** @return the environment variables this command resolves its settings against */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the cluster, registry and client settings from flags, environment, config file and defaults */
    public ClusterSettings clusterSettings() {
        return ClusterSettings.resolve(bootstrap, registryUrl, config, replicationFactor, minInsyncReplicas,
                environment);
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
