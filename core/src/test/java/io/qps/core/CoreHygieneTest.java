package io.qps.core;

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
 * The replication contract's source rules for the core (DESIGN.md section 2): no wall clock, no
 * unseeded randomness, no non-strict transcendental math, no hash-ordered collections. Checkstyle
 * forbids the imports; this test also catches fully qualified uses.
 */
class CoreHygieneTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now|LocalDate(Time)?\\.now|Clock\\.system"
                    + "|new\\s+(java\\.util\\.)?Random\\s*\\(|Math\\.random|ThreadLocalRandom|SecureRandom"
                    + "|(?<!Strict)Math\\.(log|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\\s*\\("
                    + "|\\bHash(Map|Set)\\b|parallelStream|\\.parallel\\(\\)");

    @Test
    void coreSourcesUseNoClockNoRandomnessNoHashOrderNoNonStrictMath() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.trim().startsWith("*") && !line.trim().startsWith("//") && FORBIDDEN.matcher(line).find()) {
                        hits.add(root.relativize(file) + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        assertThat(hits).as("forbidden constructs in the core").isEmpty();
    }

    @Test
    void thePatternCatchesWhatItShould() {
        assertThat(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("double x = Math.log(y);").find()).isTrue();
        assertThat(FORBIDDEN.matcher("Map<K, V> m = new HashMap<>();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("double x = StrictMath.log(y);").find()).isFalse();
        assertThat(FORBIDDEN.matcher("Map<K, V> m = new LinkedHashMap<>();").find()).isFalse();
        assertThat(FORBIDDEN.matcher("long a = Math.addExact(b, c);").find()).isFalse();
    }
}
