package io.qps.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code qps} invocations a compose service runs, and the order in which {@code depends_on} starts services.
 *
 * <p>A service either keeps the image's entrypoint ({@code java -jar /app/qps.jar}), so that its {@code command} is one
 * step, or sets {@code entrypoint: ["/bin/sh", "-ec"]} (flags {@code e} and {@code c} at least) with a script whose
 * lines are steps {@code [NAME=VALUE ...] qps ARGS...}: plain words, no quoting, expansion or other shell syntax, so
 * that what runs is exactly what a test can run.
 */
final class ComposeSteps {
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>$`\"'\\\\(){}*?~#]");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Z_][A-Z0-9_]*=.*");

    private ComposeSteps() {
    }

    /**
     * One {@code qps} invocation.
     *
     * @param env variables set for this step only (the service's environment applies too)
     * @param args the arguments after {@code qps}
     */
    record Step(Map<String, String> env, List<String> args) {
    }

    /** The steps of a service, or why it has none that can be read. */
    record Parsed(List<Step> steps, List<String> problems) {
    }

    /**
     * @param name the service's name, for the problems
     * @param service the service
     * @return its steps, in order
     */
    static Parsed of(String name, JsonNode service) {
        List<String> entrypoint = ComposeChecks.words(service.path("entrypoint"));
        List<String> command = ComposeChecks.command(service);
        if (entrypoint.isEmpty()) {
            return new Parsed(List.of(new Step(Map.of(), command)), List.of());
        }
        if (entrypoint.size() != 2 || !entrypoint.get(0).matches("(/bin/)?sh") || !entrypoint.get(1).matches("-[a-z]+")
                || !entrypoint.get(1).contains("e") || !entrypoint.get(1).contains("c") || command.size() != 1) {
            return new Parsed(List.of(), List.of(name + ": entrypoint " + entrypoint + " is neither the image's nor"
                    + " [/bin/sh, -ec] with one script"));
        }
        List<Step> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = command.get(0).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> words = Arrays.asList(line.split("\\s+"));
            int at = 0;
            Map<String, String> env = new LinkedHashMap<>();
            while (at < words.size() && ASSIGNMENT.matcher(words.get(at)).matches()) {
                String[] kv = words.get(at++).split("=", 2);
                env.put(kv[0], kv[1]);
            }
            if (SHELL_SYNTAX.matcher(line).find() || at >= words.size() || !words.get(at).equals("qps")) {
                problems.add(name + ": script line " + (i + 1) + " is not a plain '[NAME=VALUE ...] qps ARGS' step: "
                        + line);
                continue;
            }
            steps.add(new Step(env, List.copyOf(words.subList(at + 1, words.size()))));
        }
        return new Parsed(steps, problems);
    }

    /**
     * @param services the compose file's services
     * @return their names in an order {@code depends_on} allows (dependencies first, otherwise file order)
     * @throws IllegalArgumentException on a cycle
     */
    static List<String> startOrder(JsonNode services) {
        Set<String> ordered = new LinkedHashSet<>();
        services.fieldNames().forEachRemaining(name -> visit(name, services, ordered, new LinkedHashSet<>()));
        return List.copyOf(ordered);
    }

    private static void visit(String name, JsonNode services, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new IllegalArgumentException("depends_on cycle: " + path + " -> " + name);
        }
        for (String dependency : ComposeChecks.dependencies(services.path(name))) {
            visit(dependency, services, ordered, path);
        }
        path.remove(name);
        ordered.add(name);
    }
}
