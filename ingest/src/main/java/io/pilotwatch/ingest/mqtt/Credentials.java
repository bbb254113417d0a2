package io.pilotwatch.ingest.mqtt;

import io.pilotwatch.support.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Device credentials of listen mode, read from a text file of lines
 * {@code <username> <scope> pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}, where scope is
 * {@code *}, {@code <plant>} or {@code <plant>/<line>}. Only salted PBKDF2 hashes are stored, never passwords.
 * {@code java -jar ingest.jar hash-password} prints a hash for a password read from standard input.
 */
public final class Credentials {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int DEFAULT_ITERATIONS = 100_000;
    private static final int HASH_BITS = 256;

    private record Entry(Scope scope, int iterations, byte[] salt, byte[] hash) {
    }

    private final Map<String, Entry> entries;
    /** What an unknown user is checked against, so that it costs as much as a known one (no timing oracle). */
    private final Entry unknownUser;
    private final AtomicLong hashes = new AtomicLong();

    private Credentials(Map<String, Entry> entries) {
        this.entries = entries;
        int iterations = entries.values().stream().mapToInt(Entry::iterations).max().orElse(DEFAULT_ITERATIONS);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        // A hash no password produces in practice: the random salt is never stored anywhere.
        this.unknownUser = new Entry(Scope.ALL, iterations, salt, new byte[HASH_BITS / 8]);
    }

    /**
     * Reads a credentials file.
     *
     * @throws ConfigException naming the file and line of the first malformed entry
     */
    public static Credentials load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("ingest.listen.credentials.file", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, Entry> entries = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw bad(where, "expected '<username> <scope> <hash>', got " + fields.length + " fields");
            }
            Scope scope = Scope.parse(fields[1]).orElseThrow(() ->
                    bad(where, "scope must be *, <plant> or <plant>/<line>, got '" + fields[1] + "'"));
            String[] hash = fields[2].split(":");
            if (hash.length != 4 || !hash[0].equals(SCHEME)) {
                throw bad(where, "hash must be " + SCHEME + ":<iterations>:<salt>:<hash> (see hash-password)");
            }
            try {
                Entry entry = new Entry(scope, Integer.parseInt(hash[1]), Base64.getDecoder().decode(hash[2]),
                        Base64.getDecoder().decode(hash[3]));
                if (entries.put(fields[0], entry) != null) {
                    throw bad(where, "user '" + fields[0] + "' appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw bad(where, "iterations, salt or hash is malformed: " + e.getMessage());
            }
        }
        return new Credentials(entries);
    }

    private static ConfigException bad(String where, String problem) {
        return new ConfigException("ingest.listen.credentials.file", where + ": " + problem);
    }

    /**
     * Checks a username and password. Deliberately slow (PBKDF2): call it off the event loop. An unknown user or a
     * missing password runs the same hash as a known user, so the time taken does not tell user names apart.
     *
     * @return the user's scope, or empty if the user is unknown or the password is wrong
     */
    public Optional<Scope> verify(String username, byte[] password) {
        Entry known = username == null ? null : entries.get(username);
        Entry entry = known == null ? unknownUser : known;
        byte[] actual = pbkdf2(password == null ? new byte[0] : password, entry.salt(), entry.iterations());
        hashes.incrementAndGet();
        boolean matches = MessageDigest.isEqual(actual, entry.hash());
        return known != null && password != null && matches ? Optional.of(known.scope()) : Optional.empty();
    }

    /** Password hashes computed so far, for known and unknown users alike. */
    public long hashesComputed() {
        return hashes.get();
    }

    /** A new hash line part for {@code password}, with a random salt. */
    public static String hash(byte[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, DEFAULT_ITERATIONS);
        return SCHEME + ":" + DEFAULT_ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }
}
