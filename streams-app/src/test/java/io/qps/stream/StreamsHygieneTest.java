package io.qps.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract's clock rule in the topology (docs/design-contract.md, section 2): no processor computes anything
 * from a wall clock, and none schedules a punctuator. Two reads are allowed and named here: the task's wall clock
 * handed to {@code PromptCommits}, which decides when a task asks for a commit (when outputs become visible, never
 * what they are), and the deadline of a read of the ticks topic in {@code TicksRefetch} (an I/O bound).
 */
class StreamsHygieneTest {
    private static final Pattern CLOCK = Pattern.compile("System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now"
            + "|LocalDate(Time)?\\.now|Clock\\.system|currentSystemTimeMs|\\.schedule\\s*\\(|Punctuat");

    @Test
    void processorsReadNoClockBeyondTheTwoNamedUses() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//") || !CLOCK.matcher(line).find()) {
                        continue;
                    }
                    boolean prompt = line.matches("(if \\()?prompt\\.(due|committed)\\(context::currentSystemTimeMs\\).*");
                    boolean refetch = file.endsWith("TicksRefetch.java") && line.contains("System.nanoTime()");
                    if (!prompt && !refetch) {
                        hits.add(root.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(hits).as("wall-clock reads or punctuators in the topology").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertThat(CLOCK.matcher("long t = System.currentTimeMillis();").find()).isTrue();
        assertThat(CLOCK.matcher("context.schedule(Duration.ofMillis(10), WALL_CLOCK_TIME, p);").find()).isTrue();
        assertThat(CLOCK.matcher("long now = context.currentSystemTimeMs();").find()).isTrue();
        assertThat(CLOCK.matcher("long t = record.timestamp();").find()).isFalse();
    }
}
