package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.Qps;
import io.qps.producer.session.TopicNames;
import io.qps.verify.ResultsTopic;
import io.qps.verify.VerifyException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code qps results}: the latest verification record of each session (or one) from the results topic. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Print the latest result record of every session (or of --session-id) from the results topic",
            "qps.results: key = session id, value = the session's results.json as one line of JSON, exactly as",
            "kafka-console-consumer or kcat show it."})
public final class ResultsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Qps qps;

    @Option(names = {"--session-id", "--session"}, paramLabel = "ID", description = "Only this session.")
    private String session;

    @Override
    public Integer call() {
        String only = session == null ? null : DataPlaneAccess.session(session).toString();
        Map<String, String> latest;
        try {
            latest = new ResultsTopic(qps.clusterSettings().kafkaClientProperties(), Duration.ofSeconds(15)).latest();
        } catch (VerifyException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (only != null && !latest.containsKey(only)) {
            throw new CliException(CliException.FAILED, "no result for session " + only + " on " + TopicNames.RESULTS
                    + " (sessions with results: " + (latest.isEmpty() ? "none" : String.join(", ", latest.keySet()))
                    + "); run 'qps verify --session-id " + only + "'");
        }
        for (Map.Entry<String, String> e : latest.entrySet()) {
            if (only == null || only.equals(e.getKey())) {
                out.println(e.getKey() + "\t" + e.getValue());
            }
        }
        out.flush();
        return 0;
    }

}
