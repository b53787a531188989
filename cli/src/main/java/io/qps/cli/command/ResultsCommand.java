package io.qps.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.cli.CliException;
import io.qps.cli.ClusterOptions;
import io.qps.cli.ClusterSettings;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.verify.ResultsTopic;
import io.qps.verify.VerifyException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps results}: the latest verification record of each session (or one) from the results topic. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Print the latest result record of every session (or of --session-id) from qps.results.",
            "One line per session: the session id, a tab, then the session's results.json as one line of JSON,"
                + " exactly as kafka-console-consumer or kcat show the topic's key and value."})
public final class ResultsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--session-id", paramLabel = "ID", description = "Only this session.")
    private String session;

    @Option(names = "--json",
            description = "Print one line of JSON instead: an object whose keys are the session ids, in order, and"
                    + " whose values are their results.json documents ({} when no session has a result).")
    private boolean json;

    @Override
    public Integer call() {
        SessionId only = session == null ? null : DataPlaneAccess.session(session);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        if (only != null) {
            Catalogs.session(cluster, DataPlaneAccess.registry(cluster), only);
        }
        Map<String, String> latest;
        try {
            latest = new ResultsTopic(cluster.kafkaClientProperties(), Duration.ofSeconds(15)).latest();
        } catch (VerifyException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        if (only != null && !latest.containsKey(only.toString())) {
            throw new CliException(CliException.FAILED, "session '" + only + "' has no result on "
                    + TopicNames.RESULTS + " yet: run 'qps verify --session-id " + only + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode all = mapper.createObjectNode();
        for (Map.Entry<String, String> e : latest.entrySet()) {
            if (only != null && !only.toString().equals(e.getKey())) {
                continue;
            }
            if (!json) {
                out.println(e.getKey() + "\t" + e.getValue());
                continue;
            }
            try {
                all.set(e.getKey(), mapper.readTree(e.getValue()));
            } catch (JsonProcessingException ex) {
                throw new CliException(CliException.FAILED, "the result of session '" + e.getKey() + "' on "
                        + TopicNames.RESULTS + " is not JSON: " + ex.getOriginalMessage(), ex);
            }
        }
        if (json) {
            out.println(all.toString());
        }
        out.flush();
        return 0;
    }
}
