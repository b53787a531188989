package io.qps.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
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
        err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
        Object root = commandLine.getCommandSpec().root().userObject();
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
