package io.pilotwatch.ingest.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The protobuf-java that parses devices' Sparkplug payloads is not one open to CVE-2024-7254 (stack exhaustion by
 * deeply nested groups), fixed in 3.25.5, 4.27.5 and 4.28.2. Tahu 1.0.11 alone brings 3.25.3: without the pin in
 * the root pom's dependencyManagement this test fails (seen: "3.25.3 is vulnerable").
 */
class ProtobufVersionTest {

    @Test
    void theResolvedProtobufIsNotVulnerableToCve20247254() throws IOException, URISyntaxException {
        String version = resolvedVersion();

        assertThat(isFixed(version)).as("protobuf-java %s is vulnerable to CVE-2024-7254", version).isTrue();
    }

    @ParameterizedTest(name = "{0} fixed: {1}")
    @CsvSource({"3.25.3, false", "3.21.12, false", "3.25.5, true", "3.25.8, true", "4.27.4, false", "4.27.5, true",
            "4.28.1, false", "4.28.2, true", "4.32.1, true"})
    void knowsWhichVersionsAreFixed(String version, boolean fixed) {
        assertThat(isFixed(version)).isEqualTo(fixed);
    }

    /** The Bundle-Version of the jar that holds the protobuf runtime on this test's class path. */
    private static String resolvedVersion() throws IOException, URISyntaxException {
        Path jar = Path.of(Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /** Fixed lines: 3.25.5 and later 3.25, 4.27.5 and later 4.27, 4.28.2 and later. */
    static boolean isFixed(String version) {
        String[] parts = version.split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        int patch = Integer.parseInt(parts[2]);
        long v = major * 1_000_000L + minor * 1_000L + patch;
        return v >= 4_028_002L || (v >= 4_027_005L && v < 4_028_000L) || (v >= 3_025_005L && v < 4_000_000L);
    }
}
