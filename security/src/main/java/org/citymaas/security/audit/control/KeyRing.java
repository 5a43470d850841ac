package org.citymaas.security.audit.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.AuditException;

/**
 * The public keys a verifier trusts, by key id: the audit key's whole history, so that checkpoints
 * signed before a rotation still verify. Read from a key directory (the current {@code
 * audit-signing.pub} and every {@code audit-signing-<keyid>.pub} kept there), from several PEM files or
 * from PEM text holding one or more keys.
 */
public final class KeyRing {

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN PUBLIC KEY-----[^-]*-----END PUBLIC KEY-----");

    private final Map<String, PublicKey> keys;

    private KeyRing(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A ring of the given keys. */
    public static KeyRing of(Collection<PublicKey> keys) {
        var byId = new LinkedHashMap<String, PublicKey>();
        keys.forEach(k -> byId.put(SigningKey.keyId(k), k));
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one public key");
        }
        return new KeyRing(byId);
    }

    /** A ring of one key. */
    public static KeyRing of(PublicKey key) {
        return of(List.of(key));
    }

    /** Every public key in PEM text (one or more {@code PUBLIC KEY} blocks). */
    public static KeyRing parsePem(String pemText) {
        var found = new ArrayList<PublicKey>();
        var blocks = PEM_BLOCK.matcher(pemText);
        while (blocks.find()) {
            found.add(SigningKey.parsePublicKey(blocks.group()));
        }
        if (found.isEmpty()) {
            throw new AuditException("no public key in PEM form");
        }
        return of(found);
    }

    /** Every public key in the PEM files given. */
    public static KeyRing read(Collection<Path> pemFiles) throws IOException {
        var found = new ArrayList<PublicKey>();
        for (var file : pemFiles) {
            found.addAll(parsePem(Files.readString(file, StandardCharsets.US_ASCII))
                    .keys
                    .values());
        }
        return of(found);
    }

    /**
     * The history of the key {@code name} in a key directory: {@code <name>.pub} and every {@code
     * <name>-<keyid>.pub}. A history file whose key does not have the id in its name is refused.
     */
    public static KeyRing history(Path directory, String name) throws IOException {
        var found = new ArrayList<PublicKey>();
        var current = directory.resolve(name + ".pub");
        if (Files.exists(current)) {
            found.add(SigningKey.readPublicKey(current));
        }
        var historyName = Pattern.compile(Pattern.quote(name) + "-([0-9a-f]{64})\\.pub");
        try (var files = Files.list(directory)) {
            for (var file : files.sorted().toList()) {
                var matched = historyName.matcher(file.getFileName().toString());
                if (matched.matches()) {
                    var key = SigningKey.readPublicKey(file);
                    if (!SigningKey.keyId(key).equals(matched.group(1))) {
                        throw new AuditException(
                                "the key history file " + file + " holds key " + SigningKey.keyId(key));
                    }
                    found.add(key);
                }
            }
        }
        if (found.isEmpty()) {
            throw new AuditException("no public key " + name + " in " + directory);
        }
        return of(found);
    }

    /** The key with this id, if trusted. */
    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** The ids of the trusted keys. */
    public List<String> keyIds() {
        return keys.keySet().stream().sorted().toList();
    }

    /** Every trusted key as PEM, one block after the other, in key id order. */
    public String pem() {
        var text = new StringBuilder();
        keyIds().forEach(id -> text.append(SigningKey.publicKeyPem(keys.get(id))));
        return text.toString();
    }

    /** A ring with the keys of both. */
    public KeyRing with(KeyRing other) {
        var all = new LinkedHashMap<>(keys);
        all.putAll(other.keys);
        return new KeyRing(all);
    }

    @Override
    public String toString() {
        return "KeyRing" + keyIds();
    }
}
