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
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code qps} command. Each subcommand carries the option groups it uses ({@link ClusterOptions},
 * {@link ReplicationOptions}, {@code LocalOptions}, {@code RunOptions}); only {@code --verbose} is global.
 *
 * <p>Exit codes: 0 success, 1 failure at run time (an unreachable broker or registry among them), 2 invalid input
 * (a bad flag value, an unknown session, run or dataset file), 3 {@code status} found a service down.
 */
@Command(name = "qps", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deterministic multi-asset trading simulation on Kafka Streams.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, GenerateCommand.class,
            InspectCommand.class, PublishCommand.class, ConsumeCommand.class, ReferenceCommand.class, DemoCommand.class,
            LiveCommand.class, ReplayCommand.class, VerifyCommand.class, ReportCommand.class, ResultsCommand.class,
            BenchCommand.class, SweepCommand.class, ImportCommand.class, ExportCommand.class, SessionsCommand.class,
            WorkerCommand.class},
        footer = {"", "Commands that talk to a cluster take --bootstrap, --registry-url and --config, else read "
                + ClusterSettings.ENV_BOOTSTRAP + ", " + ClusterSettings.ENV_REGISTRY_URL + " and "
                + ClusterSettings.ENV_CLIENT_CONFIG + " (a flag wins over its variable, which wins over the client"
                + " config file, which wins over the default).",
            "Exit codes: 0 ok, 1 failed, 2 invalid input (a bad flag value, an unknown session, run or dataset file),"
                + " 3 'status' found a service down."})
public final class Qps implements Runnable {
    /** Columns of the usage help. */
    public static final int USAGE_WIDTH = 100;
    /** Former option names still accepted, not shown: each is read as the name it maps to. */
    private static final Map<String, String> ALIASES = Map.of("--session", "--session-id",
            "--replication", "--replication-factor");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    private boolean verbose;

    /**
     * The cluster options as they were once given, before the command name ({@code qps --config FILE live ...}):
     * still accepted, not shown; a command's own flag wins.
     */
    @CommandLine.Mixin
    private LeadingClusterOptions leading = new LeadingClusterOptions();

    /** See {@link #leading}. */
    public static final class LeadingClusterOptions {
        @Option(names = "--bootstrap", hidden = true)
        String bootstrap;
        @Option(names = "--registry-url", hidden = true)
        String registryUrl;
        @Option(names = "--config", hidden = true)
        java.nio.file.Path config;
        @Option(names = {"--replication-factor", "--replication"}, hidden = true)
        Integer replicationFactor;
        @Option(names = "--min-insync-replicas", hidden = true)
        Integer minInsyncReplicas;
    }

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
        CommandLine commandLine = new CommandLine(root)
                .setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setUsageHelpWidth(USAGE_WIDTH);
        acceptAliases(commandLine);
        return commandLine;
    }

    /** Reads each former name in {@link #ALIASES} as its new name in every command that has the new one. */
    private static void acceptAliases(CommandLine commandLine) {
        CommandLine.Model.CommandSpec command = commandLine.getCommandSpec();
        Map<String, String> applicable = new java.util.TreeMap<>();
        ALIASES.forEach((alias, name) -> {
            if (command.findOption(name) != null && command.findOption(alias) == null) {
                applicable.put(alias, name);
            }
        });
        if (!applicable.isEmpty()) {
            command.preprocessor((args, spec, argSpec, info) -> {
                for (int i = args.size() - 1; i >= 0 && !args.get(i).equals("--"); i--) {
                    String arg = args.get(i);
                    int eq = arg.indexOf('=');
                    String name = applicable.get(eq < 0 ? arg : arg.substring(0, eq));
                    if (name != null) {
                        args.set(i, eq < 0 ? name : name + arg.substring(eq));
                    }
                }
                return false;
            });
        }
        commandLine.getSubcommands().values().forEach(Qps::acceptAliases);
    }

    /** @return the environment variables this command resolves its settings against */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the cluster options given before the command name (the former global options) */
    LeadingClusterOptions leading() {
        return leading;
    }

    /**
     * @param parsed a parse result of this command line
     * @return the cluster settings of the command {@code parsed} names: its cluster options, else (a command that
     *         talks to no cluster) the options given before its name, the environment and the defaults
     */
    public static ClusterSettings clusterSettings(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        Optional<ClusterOptions> options = ClusterOptions.of(last.commandSpec());
        if (options.isPresent()) {
            return options.get().settings();
        }
        Qps root = (Qps) parsed.commandSpec().userObject();
        return ClusterSettings.resolve(root.leading.bootstrap, root.leading.registryUrl, root.leading.config,
                root.leading.replicationFactor, root.leading.minInsyncReplicas, root.environment);
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
