package org.citymaas.db.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The passwords of a durable embedded server's roles, generated on its first start and kept in one
 * file readable by its owner only (mode 600). Nothing of it is ever committed: it lives with the data.
 */
final class DatabaseCredentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private DatabaseCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** The passwords kept in {@code file}, with new ones for the roles it does not name yet. */
    static DatabaseCredentials readOrGenerate(Path file, Collection<String> roles) {
        var passwords = new LinkedHashMap<String, String>();
        if (Files.exists(file)) {
            var properties = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the database passwords in " + file, e);
            }
            properties.stringPropertyNames().forEach(role -> passwords.put(role, properties.getProperty(role)));
        }
        for (var role : roles) {
            passwords.computeIfAbsent(role, r -> generate());
        }
        return new DatabaseCredentials(passwords);
    }

    /** 32 random bytes, base64url: nothing to quote anywhere. */
    private static String generate() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String password(String role) {
        var password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no password for role " + role);
        }
        return password;
    }

    Map<String, String> passwords() {
        return passwords;
    }

    /**
     * Writes the passwords to {@code file} (mode 600) unless it already holds them all: written
     * whole to a new file that replaces the old one, so a crash leaves the old or the new file.
     */
    void keepIn(Path file) {
        if (readOrGenerate(file, List.of()).passwords.equals(passwords)) {
            return;
        }
        var properties = new Properties();
        properties.putAll(passwords);
        try {
            var written = Files.createTempFile(
                    file.toAbsolutePath().getParent(),
                    ".credentials",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(written)) {
                properties.store(out, "Passwords of the embedded PostgreSQL's roles (dev run only, never commit)");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the database passwords in " + file, e);
        }
    }

    /**
     * A new file (mode 600) in {@code directory} that holds only the password of {@code role}, for
     * initdb's {@code --pwfile}; the caller deletes it.
     */
    Path passwordFile(String role, Path directory) {
        try {
            var file = Files.createTempFile(
                    directory,
                    ".initdb",
                    ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password(role) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the superuser's password for initdb", e);
        }
    }
}
