package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CurrentClasspathTest {
    @Test
    void everyEntryIsAbsoluteAndNamesTheSameFileAsThisJvmsEntry() {
        String[] original = System.getProperty("java.class.path").split(File.pathSeparator);
        String[] absolute = BackgroundJvm.currentClasspath().split(File.pathSeparator);

        assertThat(absolute).hasSize(original.length);
        for (int i = 0; i < absolute.length; i++) {
            assertThat(Path.of(absolute[i]).isAbsolute()).as(absolute[i]).isTrue();
            assertThat(Path.of(absolute[i])).isEqualTo(Path.of(original[i]).toAbsolutePath().normalize());
        }
    }
}
