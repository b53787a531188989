package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's documentation (README.md and docs/**&#47;*.md) links only to files and headings that exist in the
 * repository: every relative link or image resolves to a file or folder under the repository root, every
 * {@code #anchor} names a heading of its target (GitHub's slug), nothing points outside the root (in particular not
 * at {@code ../shared}), and the few absolute URLs go to well-known hosts. README.md stays short.
 */
class DocsLinksTest {
    private static final int README_MAX_LINES = 210;
    /** Well-known external references the docs may cite; everything else must be in the repository. */
    private static final Set<String> ALLOWED_HOSTS = Set.of("kafka.apache.org", "avro.apache.org",
            "docs.confluent.io");

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+[^)]*)?\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private static Path repositoryRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).as("the repository root holds pom.xml").isRegularFile();
        assertThat(root.resolve("README.md")).as("the repository root holds README.md").isRegularFile();
        return root;
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyLinkInTheReadmeAndDocsResolvesInsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<Path> documents = documents(root);
        assertThat(documents).as("README.md and docs/*.md").hasSizeGreaterThan(1);
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            List<Link> found = links(document);
            links += found.size();
            for (Link link : found) {
                problem(root, document, link.target()).ifPresent(p ->
                        problems.add(root.relativize(document) + ":" + link.line() + ": (" + link.target() + ") " + p));
            }
        }
        assertThat(links).as("links found").isPositive();
        assertThat(problems).as("broken or external links").isEmpty();
    }

    @Test
    void theReadmeIsShort() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(lines.size()).as("README.md lines").isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void theCheckerRejectsWhatItMust(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(tmp.resolve("shared/DESIGN.md"), "# Design\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/a.md"), "# Title\n\n## The `results.json` file, v1\n\n## Twice\n\n## Twice\n");
        Path readme = root.resolve("README.md");
        Files.writeString(readme, String.join("\n",
                "# Readme",
                "[ok](docs/a.md) [ok](docs/a.md#the-resultsjson-file-v1) [ok](docs/a.md#twice-1) [ok](#readme)",
                "[ok](docs) ![ok](docs/a.md \"title\") [ok](https://kafka.apache.org/documentation/)",
                "`[not a link](nowhere.md)`",
                "```",
                "[not a link either](nowhere.md)",
                "```",
                "[missing](docs/b.md) [bad anchor](docs/a.md#nope) [shared](../shared/DESIGN.md)",
                "[outside](../../etc/passwd) [absolute](/etc/passwd) [host](https://example.com/x)",
                "[file](file:///etc/passwd) [dup](docs/a.md#twice-2)",
                ""));
        List<String> verdicts = new ArrayList<>();
        for (Link link : links(readme)) {
            verdicts.add(link.target() + " " + problem(root, readme, link.target()).orElse("ok"));
        }
        assertThat(verdicts).containsExactly(
                "docs/a.md ok", "docs/a.md#the-resultsjson-file-v1 ok", "docs/a.md#twice-1 ok", "#readme ok",
                "docs ok", "docs/a.md ok", "https://kafka.apache.org/documentation/ ok",
                "docs/b.md does not exist",
                "docs/a.md#nope names no heading of docs/a.md",
                "../shared/DESIGN.md leaves the repository",
                "../../etc/passwd leaves the repository",
                "/etc/passwd is an absolute path",
                "https://example.com/x goes to a host that is not a well-known reference (example.com)",
                "file:///etc/passwd is not a link into the repository",
                "docs/a.md#twice-2 names no heading of docs/a.md");
    }

    record Link(int line, String target) {
    }

    /** The link and image targets of a markdown file, outside fenced code blocks and code spans. */
    static List<Link> links(Path document) throws IOException {
        List<Link> links = new ArrayList<>();
        boolean inFence = false;
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            String text = withoutCodeSpans(line);
            Matcher m = INLINE_LINK.matcher(text);
            while (m.find()) {
                links.add(new Link(i + 1, m.group(1)));
            }
            Matcher d = REFERENCE_DEFINITION.matcher(text);
            if (d.matches()) {
                links.add(new Link(i + 1, d.group(1)));
            }
        }
        return links;
    }

    private static String withoutCodeSpans(String line) {
        Matcher m = CODE_SPAN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(" ".repeat(m.group().length())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What is wrong with a link target found in {@code document}, if anything. */
    static Optional<String> problem(Path root, Path document, String target) {
        if (target.isEmpty()) {
            return Optional.of("is empty");
        }
        if (target.startsWith("//")) {
            return Optional.of("is a protocol-relative URL");
        }
        if (SCHEME.matcher(target).matches()) {
            String lower = target.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                return Optional.of("is not a link into the repository");
            }
            String host = lower.replaceFirst("^https?://", "").replaceFirst("[/:?#].*$", "");
            return ALLOWED_HOSTS.contains(host) ? Optional.empty()
                    : Optional.of("goes to a host that is not a well-known reference (" + host + ")");
        }
        if (target.startsWith("/")) {
            return Optional.of("is an absolute path");
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        if (pathPart.contains("?")) {
            pathPart = pathPart.substring(0, pathPart.indexOf('?'));
        }
        Path resolved = pathPart.isEmpty() ? document
                : document.getParent().resolve(URLDecoder.decode(pathPart, StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(root.normalize())) {
            return Optional.of("leaves the repository");
        }
        if (!Files.exists(resolved)) {
            return Optional.of("does not exist");
        }
        if (anchor != null) {
            if (!resolved.toString().endsWith(".md")) {
                return Optional.of("has an anchor into a file that is not markdown");
            }
            if (!slugs(resolved).contains(URLDecoder.decode(anchor, StandardCharsets.UTF_8))) {
                return Optional.of("names no heading of " + root.relativize(resolved).toString()
                        .replace('\\', '/'));
            }
        }
        return Optional.empty();
    }

    /** GitHub's anchors for the headings of a markdown file (a repeated slug gets -1, -2, ...). */
    static Set<String> slugs(Path markdown) {
        try {
            Set<String> slugs = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inFence = false;
            for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
                if (FENCE.matcher(line).matches()) {
                    inFence = !inFence;
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (inFence || !m.matches()) {
                    continue;
                }
                String slug = slug(m.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                slugs.add(n == 0 ? slug : slug + "-" + n);
            }
            return slugs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's heading slug: the rendered text, lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link shows its text
                .replaceAll("<[^>]+>", "") // inline HTML
                .replace("`", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }
}
