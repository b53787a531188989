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

    /**
     * @param bootstrap the cluster's bootstrap servers
     * @param registryUrl the schema registry's URL
     * @param args arguments after {@code --bootstrap} and {@code --registry-url}
     * @return what happened, with an empty environment
     */
    public static CliRun onCluster(String bootstrap, String registryUrl, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--bootstrap";
        all[1] = bootstrap;
        all[2] = "--registry-url";
        all[3] = registryUrl;
        System.arraycopy(args, 0, all, 4, args.length);
        return run(all);
    }

    /** @return standard output split into lines, each split into its columns (two or more spaces apart) */
    public List<List<String>> table() {
        return out.lines().map(line -> List.of(line.split(" {2,}", 4))).toList();
    }
}
