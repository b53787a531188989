package io.qps.cli;

import io.qps.embedded.EmbeddedKafkaException;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and a non-zero exit code; the stack trace only with
 * {@code --verbose}.
 */
final class ErrorHandlers implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    private static final int MAX_CAUSES = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        Object root = commandLine.getCommandSpec().root().userObject();
        Optional<String> access = accessFailure(ex, commandLine.getCommandSpec());
        err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + access.orElseGet(() -> oneLine(ex)));
        if (access.isEmpty()) {
            details(ex).ifPresent(err::println);
        }
        if (root instanceof Qps qps && qps.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof CliException cli ? cli.exitCode() : CliException.FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        PrintWriter err = commandLine.getErr();
        err.println(name + ": " + oneLine(ex) + " (see '" + name + " --help')");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * @param error a failure
     * @param command the failed command, for the cluster settings it used
     * @return the one line for an authentication or authorization failure in its cause chain (the failure's own
     *         message if it is a {@link CliException} that explains its direct cause already)
     */
    static Optional<String> accessFailure(Throwable error, CommandLine.Model.CommandSpec command) {
        if (error instanceof CliException && (error.getCause() instanceof AuthenticationException
                || error.getCause() instanceof AuthorizationException)) {
            return Optional.of(error.getMessage());
        }
        Optional<ClusterOptions> options = ClusterOptions.of(command);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        ClusterSettings cluster;
        try {
            cluster = options.get().settings();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return KafkaAccessErrors.describe(error, cluster);
    }

    /**
     * @param error a failure
     * @return the lines after the first of a failure's own message when the message is ours and meant for a person
     *         (a {@link CliException} or {@link EmbeddedKafkaException}, e.g. a service's log tail after the cause)
     */
    static Optional<String> details(Throwable error) {
        if (!(error instanceof CliException || error instanceof EmbeddedKafkaException)
                || error.getMessage() == null) {
            return Optional.empty();
        }
        int newline = error.getMessage().indexOf('\n');
        return newline < 0 ? Optional.empty() : Optional.of(error.getMessage().substring(newline + 1));
    }

    /**
     * @param error a failure
     * @return its message and those of up to three causes, first lines only, without repeats
     */
    static String oneLine(Throwable error) {
        Set<String> parts = new LinkedHashSet<>();
        Throwable current = error;
        for (int i = 0; current != null && i <= MAX_CAUSES; i++) {
            String message = current.getMessage();
            if (message == null || message.isBlank()) {
                message = current.getClass().getSimpleName();
            }
            String first = message.lines().findFirst().orElse("").strip();
            boolean repeated = parts.stream().anyMatch(part -> part.contains(first));
            if (!repeated) {
                parts.add(first);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return String.join(": ", parts);
    }
}
