package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of every command, walked from the top-level command down (bench and sessions included): summaries whole,
 * lines within {@link Qps#USAGE_WIDTH} columns, paragraphs left to picocli to wrap, option groups only where used.
 */
class CliHelpTest {
    /** Commands that talk to no cluster: they must not offer the cluster or topic options. */
    private static final Set<String> OFFLINE = Set.of("qps up", "qps down", "qps generate", "qps inspect",
            "qps reference", "qps sweep", "qps import", "qps bench", "qps bench reference");

    @Test
    void everyHelpFitsTheWidthAndEveryCommandListShowsWholeSummaries() {
        SoftAssertions soft = new SoftAssertions();
        Map<List<String>, CommandSpec> commands = new LinkedHashMap<>();
        walk(Qps.commandLine(new Qps(Map.of())), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (Map.Entry<List<String>, CommandSpec> e : commands.entrySet()) {
            List<String> args = new ArrayList<>(e.getKey());
            args.add("--help");
            String name = String.join(" ", List.of("qps", String.join(" ", e.getKey()))).strip();
            CliRun run = CliRun.run(args.toArray(new String[0]));
            soft.assertThat(run.exit()).as(name).isZero();
            soft.assertThat(run.err()).as(name).isEmpty();
            for (String line : run.out().lines().toList()) {
                soft.assertThat(line.length()).as(name + ": line '" + line + "'").isLessThanOrEqualTo(Qps.USAGE_WIDTH);
            }
            Map<String, String> listed = commandList(run.out());
            soft.assertThat(listed.keySet()).as(name + ": command list")
                    .containsExactlyElementsOf(e.getValue().subcommands().keySet());
            for (Map.Entry<String, String> item : listed.entrySet()) {
                CommandSpec sub = e.getValue().subcommands().get(item.getKey()).getCommandSpec();
                String first = sub.usageMessage().description()[0];
                soft.assertThat(item.getValue()).as(name + ": summary of " + item.getKey()).endsWith(".")
                        .isEqualTo(first);
            }
            paragraphs(soft, name, e.getValue());
            if (e.getValue().findOption("--session-id") != null) {
                soft.assertThat(run.out()).as(name).contains("--session-id=ID").doesNotContain("--session=");
            }
            soft.assertThat(run.out()).as(name).doesNotContain("--replication=");
        }
        soft.assertAll();
    }

    @Test
    void clusterOptionsAreOfferedOnlyByCommandsThatTalkToACluster() {
        Map<List<String>, CommandSpec> commands = new LinkedHashMap<>();
        walk(Qps.commandLine(new Qps(Map.of())), new ArrayList<>(), commands);
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<List<String>, CommandSpec> e : commands.entrySet()) {
            String name = e.getValue().qualifiedName();
            boolean offline = OFFLINE.contains(name) || e.getKey().isEmpty();
            for (String option : List.of("--bootstrap", "--registry-url", "--config", "--replication-factor",
                    "--min-insync-replicas")) {
                OptionSpec spec = e.getValue().findOption(option);
                if (offline) {
                    soft.assertThat(spec == null || spec.hidden()).as(name + " " + option).isTrue();
                }
            }
            if (!offline && !name.equals("qps bench")) {
                soft.assertThat(e.getValue().findOption("--bootstrap")).as(name + " --bootstrap").isNotNull();
            }
            soft.assertThat(e.getValue().findOption("--verbose")).as(name + " --verbose").isNotNull();
        }
        soft.assertAll();
        assertThat(CliRun.run("generate", "--bootstrap", "x:1").exit()).isEqualTo(2);
    }

    @Test
    void formerNamesAreStillReadButNotShown() {
        assertThat(CliRun.run("replay", "--session", "a/b").err())
                .isEqualTo("qps replay: error: invalid session id 'a/b': only A-Z a-z 0-9 . _ - are allowed (it must be"
                        + " a safe Kafka topic and file name)" + System.lineSeparator());
        assertThat(CliRun.run("replay", "--session=a/b").err()).contains("invalid session id 'a/b'");
        assertThat(CliRun.run("inspect", "no/such.qpsd").err())
                .isEqualTo("qps inspect: error: no dataset file 'no/such.qpsd' (create one with 'qps generate')"
                        + System.lineSeparator());
        CliRun before = CliRun.run("--replication", "0", "replay", "--session-id", "s1");
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.err()).contains("--replication-factor must be within 1..32767, was 0");
        CliRun after = CliRun.run("replay", "--session-id", "s1", "--replication", "0");
        assertThat(after.err()).contains("--replication-factor must be within 1..32767, was 0");
    }

    /** Each description element is a whole paragraph or list item: it ends a sentence, a clause or a lead-in. */
    private static void paragraphs(SoftAssertions soft, String name, CommandSpec spec) {
        for (String paragraph : spec.usageMessage().description()) {
            soft.assertThat(paragraph).as(name + ": description paragraph").matches("(?s).*[.:;]$");
        }
        for (OptionSpec option : spec.options()) {
            for (String paragraph : option.description()) {
                soft.assertThat(paragraph).as(name + " " + option.longestName() + ": description")
                        .matches("(?s).*[.:;)]$");
            }
        }
    }

    private static void walk(CommandLine commandLine, List<String> path, Map<List<String>, CommandSpec> into) {
        into.put(List.copyOf(path), commandLine.getCommandSpec());
        commandLine.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            walk(sub, next, into);
        });
    }

    /** The "Commands:" section of a help text: each name and its summary, continuation lines joined. */
    static Map<String, String> commandList(String help) {
        Map<String, String> items = new LinkedHashMap<>();
        int start = help.indexOf("\nCommands:\n");
        if (start < 0) {
            return items;
        }
        String current = null;
        for (String line : help.substring(start + "\nCommands:\n".length()).lines().toList()) {
            if (line.isBlank()) {
                break;
            }
            if (line.matches("  \\S.*")) {
                String[] parts = line.strip().split("\\s+", 2);
                current = parts[0];
                items.put(current, parts.length > 1 ? parts[1] : "");
            } else if (current != null) {
                items.put(current, items.get(current) + " " + line.strip());
            }
        }
        return items;
    }
}
