package io.qps.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One execution of the real {@code qps} command objects with captured output.
 *
 * @param exit exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int exit, String out, String err) {
    /**
     * @param env environment variables the command sees
     * @param args arguments
     * @return what happened
     */
    public static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Qps.commandLine(new Qps(env));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** @param args arguments @return what happened, with an empty environment */
    public static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** @return standard output split into lines, each split into its columns (two or more spaces apart) */
    public List<List<String>> table() {
        return out.lines().map(line -> List.of(line.split(" {2,}", 4))).toList();
    }
}
