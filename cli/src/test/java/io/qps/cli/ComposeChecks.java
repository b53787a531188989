package io.qps.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.qps.cli.command.LocalOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Checks a docker-compose file against the real {@code qps} command tree and the project's Dockerfile, without a
 * Docker engine. Each method returns the problems it found as one line each, in file order; no problems means the
 * file is consistent with what the CLI accepts.
 */
final class ComposeChecks {
    /** The environment variables the CLI reads. */
    static final Set<String> CLI_ENVIRONMENT = Set.of(ClusterSettings.ENV_BOOTSTRAP, ClusterSettings.ENV_REGISTRY_URL,
            ClusterSettings.ENV_CLIENT_CONFIG, LocalOptions.ENV_DATA_DIR,
            // read by the JVM itself (the verify service's fixed heap)
            "JAVA_TOOL_OPTIONS");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeChecks() {
    }

    /** What the runtime stage of the Dockerfile establishes. */
    record Runtime(String workdir, String jar, List<String> problems) {
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the services that run the qps image, in file order: those built from a Dockerfile, and those using the
     *         image one of them builds
     */
    static List<String> qpsServices(JsonNode compose) {
        List<String> names = new ArrayList<>();
        compose.path("services").properties().forEach(e -> {
            if (builder(compose.path("services"), e.getValue()) != null) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    /** @return the service that builds this service's image: itself if it has {@code build}, or null */
    private static JsonNode builder(JsonNode services, JsonNode service) {
        if (service.has("build")) {
            return service;
        }
        String image = service.path("image").asText("");
        for (JsonNode other : services) {
            if (other.has("build") && !image.isEmpty() && other.path("image").asText().equals(image)) {
                return other;
            }
        }
        return null;
    }

    /** @return a service's command as an argument list (a string command is split on blanks, as compose does) */
    static List<String> command(JsonNode service) {
        return words(service.path("command"));
    }

    /** @return a command or entrypoint as a list (a string is split on blanks, as compose does) */
    static List<String> words(JsonNode node) {
        if (node.isTextual()) {
            return Arrays.asList(node.asText().trim().split("\\s+"));
        }
        List<String> args = new ArrayList<>();
        node.forEach(a -> args.add(a.asText()));
        return args;
    }

    /** @return the services a service's {@code depends_on} names, from either the list or the map form */
    static List<String> dependencies(JsonNode service) {
        JsonNode deps = service.path("depends_on");
        List<String> names = new ArrayList<>();
        if (deps.isArray()) {
            deps.forEach(d -> names.add(d.asText()));
        } else {
            deps.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** @return a service's environment, from either the map or the {@code KEY=VALUE} list form */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(kv -> {
                String[] parts = kv.asText().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /**
     * @param compose the parsed compose file
     * @param baseDir the folder the compose file's build contexts are relative to
     * @return every problem found
     */
    static List<String> problems(JsonNode compose, Path baseDir) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        services.properties().forEach(e -> dependsOn(e.getKey(), e.getValue(), services, problems));
        for (String name : qpsServices(compose)) {
            JsonNode service = services.get(name);
            Runtime runtime = dockerfile(builder(services, service), baseDir, name);
            problems.addAll(runtime.problems());
            ComposeSteps.Parsed parsed = ComposeSteps.of(name, service);
            problems.addAll(parsed.problems());
            Map<String, String> env = new LinkedHashMap<>(environment(service));
            for (ComposeSteps.Step step : parsed.steps()) {
                Map<String, String> stepEnv = new LinkedHashMap<>(environment(service));
                stepEnv.putAll(step.env());
                problems.addAll(commandProblems(name, step.args(), stepEnv));
                env.putAll(step.env());
            }
            problems.addAll(environmentProblems(name, env, services));
            if (runtime.workdir() != null && !mountsAt(service, runtime.workdir() + "/data")) {
                problems.add(name + ": no volume mounted at " + runtime.workdir() + "/data");
            }
        }
        return problems;
    }

    private static void dependsOn(String name, JsonNode service, JsonNode services, List<String> problems) {
        for (String dep : dependencies(service)) {
            if (!services.has(dep)) {
                problems.add(name + ": depends_on names no service '" + dep + "'");
            }
        }
    }

    private static List<String> commandProblems(String name, List<String> args, Map<String, String> env) {
        CommandLine cli = Qps.commandLine(new Qps(env));
        CommandLine.ParseResult parsed;
        try {
            parsed = cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return List.of(name + ": command " + args + " is rejected by qps: " + e.getMessage());
        }
        ClusterSettings settings = Qps.clusterSettings(parsed);
        List<String> problems = new ArrayList<>();
        String bootstrap = env.get(ClusterSettings.ENV_BOOTSTRAP);
        if (bootstrap != null && !bootstrap.equals(settings.bootstrapServers())) {
            problems.add(name + ": qps resolves bootstrap " + settings.bootstrapServers() + ", not " + bootstrap);
        }
        String registry = env.get(ClusterSettings.ENV_REGISTRY_URL);
        if (registry != null && !registry.equals(settings.registryUrl())) {
            problems.add(name + ": qps resolves registry " + settings.registryUrl() + ", not " + registry);
        }
        return problems;
    }

    private static List<String> environmentProblems(String name, Map<String, String> env, JsonNode services) {
        List<String> problems = new ArrayList<>();
        env.keySet().stream().filter(k -> !CLI_ENVIRONMENT.contains(k)).forEach(k -> problems.add(
                name + ": sets " + k + ", which qps does not read"));
        String bootstrap = env.get(ClusterSettings.ENV_BOOTSTRAP);
        if (bootstrap == null) {
            problems.add(name + ": no " + ClusterSettings.ENV_BOOTSTRAP);
        } else {
            for (String server : bootstrap.split(",")) {
                String host = server.substring(0, Math.max(0, server.lastIndexOf(':')));
                JsonNode kafka = services.path(host);
                String advertised = environment(kafka).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
                if (!kafka.path("image").asText().startsWith("apache/kafka:")
                        || !Arrays.asList(advertised.split(",")).stream().anyMatch(l -> l.endsWith("://" + server))) {
                    problems.add(name + ": " + ClusterSettings.ENV_BOOTSTRAP + " " + server
                            + " is not a listener a kafka service advertises");
                }
            }
        }
        String registry = env.get(ClusterSettings.ENV_REGISTRY_URL);
        if (registry == null) {
            problems.add(name + ": no " + ClusterSettings.ENV_REGISTRY_URL);
        } else {
            URI uri = URI.create(registry);
            JsonNode service = services.path(String.valueOf(uri.getHost()));
            String listeners = environment(service).getOrDefault("SCHEMA_REGISTRY_LISTENERS", "");
            if (!service.path("image").asText().startsWith("confluentinc/cp-schema-registry:")
                    || !listeners.endsWith(":" + uri.getPort())) {
                problems.add(name + ": " + ClusterSettings.ENV_REGISTRY_URL + " " + registry
                        + " is not where a schema-registry service listens");
            }
        }
        return problems;
    }

    private static boolean mountsAt(JsonNode service, String target) {
        for (JsonNode volume : service.path("volumes")) {
            String spec = volume.isTextual() ? volume.asText() : volume.path("target").asText();
            String[] parts = spec.split(":");
            if (volume.isTextual() ? parts.length >= 2 && parts[1].equals(target) : spec.equals(target)) {
                return true;
            }
        }
        return false;
    }

    private static Runtime dockerfile(JsonNode service, Path baseDir, String name) {
        JsonNode build = service.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        String file = build.path("dockerfile").asText("Dockerfile");
        Path path = baseDir.resolve(context).resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            return new Runtime(null, null, List.of(name + ": no Dockerfile at " + path));
        }
        try {
            return runtimeStage(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param dockerfile a Dockerfile's text
     * @return the last stage's working directory and entrypoint jar, and what is wrong with that stage
     */
    static Runtime runtimeStage(String dockerfile) {
        List<List<String>> stages = new ArrayList<>();
        for (String line : dockerfile.replace("\\\n", " ").split("\n")) {
            String instruction = line.strip();
            if (instruction.isEmpty() || instruction.startsWith("#")) {
                continue;
            }
            if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).add(instruction);
            }
        }
        List<String> problems = new ArrayList<>();
        if (stages.size() < 2) {
            return new Runtime(null, null, List.of("Dockerfile: not a multi-stage build"));
        }
        List<String> runtime = stages.get(stages.size() - 1);
        String workdir = last(runtime, "WORKDIR");
        String user = last(runtime, "USER");
        String entrypoint = last(runtime, "ENTRYPOINT");
        if (user == null || user.equals("root") || user.startsWith("0")) {
            problems.add("Dockerfile: the runtime stage runs as root");
        }
        String jar = null;
        try {
            List<String> argv = entrypoint == null ? List.of() : Arrays.asList(JSON.readValue(entrypoint, String[].class));
            int at = argv.indexOf("-jar");
            jar = at >= 0 && at + 1 < argv.size() ? argv.get(at + 1) : null;
        } catch (IOException e) {
            problems.add("Dockerfile: ENTRYPOINT is not an exec-form array: " + entrypoint);
        }
        String copied = null;
        for (String instruction : runtime) {
            String[] words = instruction.split("\\s+");
            if (words[0].equalsIgnoreCase("COPY") && words.length == 4 && words[1].startsWith("--from=")
                    && words[3].equals(jar) && words[2].endsWith("/cli/target/qps.jar")) {
                copied = words[1].substring("--from=".length());
            }
        }
        if (jar == null || copied == null) {
            problems.add("Dockerfile: the runtime stage does not copy cli/target/qps.jar to the entrypoint's jar " + jar);
        } else if (!stages.get(0).get(0).toLowerCase(java.util.Locale.ROOT).endsWith(" as " + copied)) {
            problems.add("Dockerfile: the jar comes from stage '" + copied + "', which is not the build stage");
        }
        return new Runtime(workdir, jar, problems);
    }

    private static String last(List<String> stage, String keyword) {
        String value = null;
        for (String instruction : stage) {
            if (instruction.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1)) {
                value = instruction.substring(keyword.length() + 1).strip();
            }
        }
        return value;
    }
}
