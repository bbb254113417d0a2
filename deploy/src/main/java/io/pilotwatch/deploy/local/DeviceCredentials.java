package io.pilotwatch.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The device account of the bridge's listener when it is reachable from other machines: user {@value #USER},
 * allowed to publish for every plant, with a random password generated once and kept (readable by the owner
 * only) in the data directory, so that the {@code mosquitto_pub} line printed at start keeps working across
 * restarts. The credentials file holds only the salted hash, made by the bridge's own {@code hash-password}.
 */
record DeviceCredentials(String username, String password, Path credentialsFile) {

    static final String USER = "device";

    static DeviceCredentials loadOrCreate(Path dir, Path ingestJar) throws IOException, InterruptedException {
        Path passwordFile = dir.resolve("password");
        Path credentialsFile = dir.resolve("credentials");
        if (Files.exists(passwordFile) && Files.exists(credentialsFile)) {
            return new DeviceCredentials(USER, Files.readString(passwordFile).strip(), credentialsFile);
        }
        Files.createDirectories(dir);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        writeOwnerOnly(passwordFile, password + "\n");
        String hash = hash(password, ingestJar, passwordFile);
        writeOwnerOnly(credentialsFile, USER + " * " + hash + "\n");
        return new DeviceCredentials(USER, password, credentialsFile);
    }

    private static String hash(String password, Path ingestJar, Path passwordFile)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ingestJar.toString(), "hash-password"))
                .redirectInput(passwordFile.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
            process.destroyForcibly();
            throw new IOException("'java -jar " + ingestJar + " hash-password' failed; cannot create device credentials");
        }
        return out;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
