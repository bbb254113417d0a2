package io.pilotwatch.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLastLines() throws IOException {
        Path log = dir.resolve("broker.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void dropsTheCutFirstLineOfAHugeFile() throws IOException {
        Path log = dir.resolve("huge.log");
        String line = "x".repeat(999) + "\n";
        Files.writeString(log, line.repeat(200) + "last\n");

        assertThat(LogTail.lastLines(log, 1000)).allMatch(l -> l.equals("x".repeat(999)) || l.equals("last"))
                .last().isEqualTo("last");
    }

    @Test
    void describesMissingAndEmptyFiles() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.log"));

        assertThat(LogTail.describe(dir.resolve("missing.log"))).contains("missing.log is empty or missing");
        assertThat(LogTail.describe(empty)).contains("empty.log is empty or missing");
    }

    @Test
    void describeNamesTheFile() throws IOException {
        Path log = Files.writeString(dir.resolve("kafka.log"), "ERROR boom\n");

        assertThat(LogTail.describe(log)).contains("Last 1 lines of " + log).endsWith("ERROR boom");
    }
}
