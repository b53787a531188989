package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerClasspathTest {
    @TempDir
    Path dir;

    @Test
    void aClassPathCarryingTheBrokerIsKeptAsItIs() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/kafka"));
        Files.writeString(classes.resolve("Kafka.class"), "");
        Path cli = jar(dir.resolve("target/qps.jar"), "io/qps/cli/Qps.class");
        String classpath = cli + File.pathSeparator + dir.resolve("classes");

        assertThat(BrokerClasspath.complete(classpath)).isEqualTo(classpath);
        assertThat(BrokerClasspath.complete(BackgroundJvm.currentClasspath()))
                .as("the tests' own class path holds kafka_2.13").isEqualTo(BackgroundJvm.currentClasspath());
    }

    @Test
    void theLeanJarGetsTheBrokerLibBesideItAppendedInNameOrder() throws IOException {
        Path cli = jar(dir.resolve("target/qps.jar"), "io/qps/cli/Qps.class");
        Path lib = Files.createDirectories(dir.resolve("target").resolve(BrokerClasspath.LIB_DIR));
        Path scala = jar(lib.resolve("scala-library.jar"), "scala/Option.class");
        Path kafka = jar(lib.resolve("kafka_2.13.jar"), "kafka/Kafka.class");
        Files.writeString(lib.resolve("README"), "not a jar");
        String other = dir.resolve("other.jar").toString();

        assertThat(BrokerClasspath.complete(other + File.pathSeparator + cli)).isEqualTo(String.join(
                File.pathSeparator, other + File.pathSeparator + cli, kafka.toString(), scala.toString()));
    }

    @Test
    void withoutEitherTheErrorSaysHowToBuildTheBrokerLib() throws IOException {
        Path cli = jar(dir.resolve("target/qps.jar"), "io/qps/cli/Qps.class");

        assertThatThrownBy(() -> BrokerClasspath.complete(cli.toString()))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessage("the embedded broker's jars are not next to " + cli + " (a folder broker-lib/ beside it);"
                        + " build them with './mvnw -pl cli -am package -DskipTests' (the ./qps launcher does)");
    }

    private static Path jar(Path file, String entry) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
        }
        return file;
    }
}
