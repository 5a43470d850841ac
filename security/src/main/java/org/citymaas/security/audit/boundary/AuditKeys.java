package org.citymaas.security.audit.boundary;

import java.io.IOException;
import java.nio.file.Path;
import org.citymaas.security.audit.control.KeyRing;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.audit.entity.AuditException;

/**
 * The audit signing key of one portal instance and its history: the current pair, reloaded when another
 * instance rotated it (the key files are looked at before each use), and every earlier public key.
 * A key held in memory only has no history and cannot be rotated.
 */
final class AuditKeys {

    private final Path directory;
    private volatile SigningKey current;

    private AuditKeys(Path directory, SigningKey current) {
        this.directory = directory;
        this.current = current;
    }

    static AuditKeys inDirectory(Path directory) {
        return new AuditKeys(directory, SigningKey.loadOrCreate(directory));
    }

    static AuditKeys inMemory(SigningKey key) {
        return new AuditKeys(null, key);
    }

    /** The key to sign with now. */
    SigningKey current() {
        if (directory != null) {
            try {
                var published = SigningKey.readPublicKey(directory.resolve(SigningKey.PUBLIC_KEY_FILE));
                if (!SigningKey.keyId(published).equals(current.keyId())) {
                    // another instance rotated the key
                    current = SigningKey.loadOrCreate(directory);
                }
            } catch (IOException | AuditException e) {
                throw new AuditException("could not read the audit key in " + directory + ": " + e.getMessage(), e);
            }
        }
        return current;
    }

    /** Every public key the audit key ever had, the current one included. */
    KeyRing history() {
        if (directory == null) {
            return KeyRing.of(current.publicKey());
        }
        try {
            return KeyRing.history(directory, SigningKey.AUDIT_KEY_NAME);
        } catch (IOException e) {
            throw new AuditException("could not read the audit key history in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the pair by a new one, keeping the old public key in the history; returns the new key. */
    synchronized SigningKey rotate() {
        if (directory == null) {
            throw new IllegalStateException("rotating the audit key needs a key directory; this one is in memory");
        }
        current = SigningKey.rotate(directory, SigningKey.AUDIT_KEY_NAME);
        return current;
    }
}
