package io.qps.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
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
     * @param args the command and its arguments; {@code --bootstrap} and {@code --registry-url} are added after them
     *             when the command talks to a cluster
     * @return what happened, with an empty environment
     */
    public static CliRun onCluster(String bootstrap, String registryUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (command(args).findOption("--bootstrap") != null) {
            all.addAll(List.of("--bootstrap", bootstrap, "--registry-url", registryUrl));
        }
        return run(all.toArray(new String[0]));
    }

    /** @return the (sub)command that {@code args} name, e.g. {@code sessions delete} */
    static CommandLine.Model.CommandSpec command(String... args) {
        CommandLine current = Qps.commandLine(new Qps(Map.of()));
        for (String arg : args) {
            CommandLine sub = current.getSubcommands().get(arg);
            if (sub == null) {
                break;
            }
            current = sub;
        }
        return current.getCommandSpec();
    }

    /** @return standard output split into lines, each split into its columns (two or more spaces apart) */
    public List<List<String>> table() {
        return out.lines().map(line -> List.of(line.split(" {2,}", 4))).toList();
    }
}
