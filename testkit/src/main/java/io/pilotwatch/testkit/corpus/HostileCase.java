package io.pilotwatch.testkit.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One case of the hostile-input corpus ({@code telemetry/src/test/resources/hostile/*.case}): an MQTT topic,
 * a payload (any bytes) and the rejection reason the telemetry codec must give. A case file is a few
 * {@code key: value} header lines in UTF-8, a line {@code ---}, then the payload up to the end of the file,
 * byte for byte (no trailing newline is added or removed). Header keys: {@code about}, {@code topic},
 * {@code reason} (required); {@code repeat: N} (the payload is the bytes after {@code ---} repeated N times,
 * for very large inputs); {@code mqtt: no, <why>} (the case cannot be sent as an MQTT PUBLISH at all).
 *
 * @param name        the file name without {@code .case}
 * @param about       what the case is, for reports
 * @param topic       the MQTT topic it is published on
 * @param reason      the expected {@code error.reason}
 * @param payload     the payload bytes
 * @param notOverMqtt why it cannot be published over MQTT, if it cannot
 */
public record HostileCase(String name, String about, String topic, String reason, byte[] payload,
                          Optional<String> notOverMqtt) {

    private static final byte[] SEPARATOR = "\n---\n".getBytes(StandardCharsets.UTF_8);

    /** Every {@code *.case} file of {@code dir}, sorted by name. */
    public static List<HostileCase> loadAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<HostileCase> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".case")).sorted().toList()) {
                cases.add(load(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
    }

    /**
     * Reads one case file.
     *
     * @throws IllegalArgumentException naming the file if it has no separator or lacks a required key
     */
    public static HostileCase load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int split = indexOf(bytes, SEPARATOR);
        if (split < 0) {
            throw new IllegalArgumentException(file + ": no '---' line between header and payload");
        }
        Map<String, String> header = new HashMap<>();
        for (String line : new String(bytes, 0, split, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException(file + ": header line without 'key: value': " + line);
            }
            header.put(line.substring(0, colon), line.substring(colon + 2));
        }
        byte[] body = Arrays.copyOfRange(bytes, split + SEPARATOR.length, bytes.length);
        int repeat = Integer.parseInt(header.getOrDefault("repeat", "1"));
        byte[] payload = new byte[body.length * repeat];
        for (int i = 0; i < repeat; i++) {
            System.arraycopy(body, 0, payload, i * body.length, body.length);
        }
        String name = file.getFileName().toString().replaceFirst("\\.case$", "");
        return new HostileCase(name, required(header, "about", file), required(header, "topic", file),
                required(header, "reason", file), payload, Optional.ofNullable(header.get("mqtt")));
    }

    private static String required(Map<String, String> header, String key, Path file) {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": header '" + key + "' is missing");
        }
        return value;
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return name + " (" + about + ")";
    }
}
