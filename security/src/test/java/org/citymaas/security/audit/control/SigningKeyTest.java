package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @Test
    void createsTheKeyPairAtFirstStartAndKeepsThePrivateKeyPrivate(@TempDir Path dir) throws Exception {
        var keys = dir.resolve("keys");
        var key = SigningKey.loadOrCreate(keys);
        assertThat(keys.resolve(SigningKey.PRIVATE_KEY_FILE)).exists();
        assertThat(Files.readString(keys.resolve(SigningKey.PUBLIC_KEY_FILE))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(keys.resolve(SigningKey.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(SigningKey.loadOrCreate(keys).keyId())
                .as("the next start loads the same key")
                .isEqualTo(key.keyId());
    }

    @Test
    void signaturesVerifyOnlyForTheSignedBytesAndKey(@TempDir Path dir) {
        var key = SigningKey.loadOrCreate(dir);
        byte[] data = "head".getBytes(StandardCharsets.UTF_8);
        var signature = key.sign(data);
        assertThat(SigningKey.verify(key.publicKey(), data, signature)).isTrue();
        assertThat(SigningKey.verify(key.publicKey(), "head!".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(SigningKey.verify(TestChains.newKey().publicKey(), data, signature))
                .isFalse();
        assertThat(SigningKey.verify(key.publicKey(), data, "not base64!")).isFalse();
    }

    @Test
    void thePublishedPemReadsBackAsTheSameKey(@TempDir Path dir) {
        var key = SigningKey.loadOrCreate(dir);
        assertThat(SigningKey.keyId(SigningKey.parsePublicKey(key.publicKeyPem())))
                .isEqualTo(key.keyId());
    }

    @Test
    void aNamedKeyLivesBesideTheAuditKeyInItsOwnFiles(@TempDir Path dir) throws Exception {
        var audit = SigningKey.loadOrCreate(dir);
        var exports = SigningKey.loadOrCreate(dir, "export-signing");

        assertThat(dir.resolve("export-signing.key")).exists();
        assertThat(Files.readString(dir.resolve("export-signing.pub"))).isEqualTo(exports.publicKeyPem());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("export-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(exports.keyId()).isNotEqualTo(audit.keyId());
        assertThat(SigningKey.loadOrCreate(dir).keyId())
                .as("the audit key is untouched")
                .isEqualTo(audit.keyId());
        assertThat(SigningKey.loadOrCreate(dir, "export-signing").keyId()).isEqualTo(exports.keyId());
        assertThat(Files.readString(dir.resolve(SigningKey.PUBLIC_KEY_FILE))).isEqualTo(audit.publicKeyPem());
    }

    @Test
    void refusesAKeyNameThatCouldLeaveTheDirectory(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.loadOrCreate(dir, "../audit-signing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowercase letters, digits and '-'");
    }

    @Test
    void rotationReplacesThePairAndKeepsEveryPublicKey(@TempDir Path dir) throws Exception {
        var first = SigningKey.loadOrCreate(dir);
        var exports = SigningKey.loadOrCreate(dir, "export-signing");
        var second = SigningKey.rotate(dir, SigningKey.AUDIT_KEY_NAME);

        assertThat(second.keyId()).isNotEqualTo(first.keyId());
        assertThat(SigningKey.loadOrCreate(dir).keyId())
                .as("the next start loads the new key")
                .isEqualTo(second.keyId());
        assertThat(Files.readString(dir.resolve(SigningKey.PUBLIC_KEY_FILE))).isEqualTo(second.publicKeyPem());
        assertThat(dir.resolve("audit-signing-" + first.keyId() + ".pub")).exists();
        assertThat(KeyRing.history(dir, SigningKey.AUDIT_KEY_NAME).keyIds())
                .as("not the export key")
                .containsExactlyInAnyOrder(first.keyId(), second.keyId());
        assertThat(SigningKey.loadOrCreate(dir, "export-signing").keyId()).isEqualTo(exports.keyId());
    }

    @Test
    void aRotationCutBeforeThePublicKeyWasReplacedIsRepairedAtTheNextStart(@TempDir Path dir) throws Exception {
        var first = SigningKey.loadOrCreate(dir);
        var second = SigningKey.rotate(dir, SigningKey.AUDIT_KEY_NAME);
        // as if the process died between writing the new private key and the new public key
        Files.writeString(dir.resolve(SigningKey.PUBLIC_KEY_FILE), first.publicKeyPem());

        var loaded = SigningKey.loadOrCreate(dir);
        assertThat(loaded.keyId()).isEqualTo(second.keyId());
        assertThat(Files.readString(dir.resolve(SigningKey.PUBLIC_KEY_FILE))).isEqualTo(second.publicKeyPem());
    }

    @Test
    void aHistoryFileWhoseKeyIsNotTheOneItsNameSaysIsRefused(@TempDir Path dir) throws Exception {
        var key = SigningKey.loadOrCreate(dir);
        Files.writeString(dir.resolve("audit-signing-" + "0".repeat(64) + ".pub"), key.publicKeyPem());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyRing.history(dir, SigningKey.AUDIT_KEY_NAME))
                .hasMessageContaining("holds key " + key.keyId());
    }

    @Test
    void aPairMadeOnceLoadsWithoutWritingAnythingInItsDirectory(@TempDir Path dir) throws Exception {
        var keys = dir.resolve("keys");
        var audit = SigningKey.loadOrCreate(keys);
        var exports = SigningKey.loadOrCreate(keys, "export-signing");
        var before = names(keys);

        assertThat(SigningKey.loadOrCreate(keys).keyId()).isEqualTo(audit.keyId());
        assertThat(SigningKey.loadOrCreate(keys, "export-signing").keyId()).isEqualTo(exports.keyId());
        assertThat(names(keys))
                .as("no lock file nor any other: the directory may be a read-only mount such as a Kubernetes Secret")
                .isEqualTo(before);
    }

    @Test
    void aReadOnlyDirectoryWithOnlyThePairsServesThemAndRefusesToMakeAnother(@TempDir Path dir) throws Exception {
        var made = dir.resolve("made");
        var audit = SigningKey.loadOrCreate(made);
        var exports = SigningKey.loadOrCreate(made, "export-signing");
        // what a Secret made from the two pairs holds: no history file, no lock file, mounted read-only
        var secret = Files.createDirectory(dir.resolve("secret"));
        for (var file :
                new String[] {"audit-signing.key", "audit-signing.pub", "export-signing.key", "export-signing.pub"}) {
            Files.copy(made.resolve(file), secret.resolve(file));
        }
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes where the permissions say no: the portal's integration test (uid 65534) covers root's runs
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(secret), "running as root");
            assertThat(SigningKey.loadOrCreate(secret).keyId()).isEqualTo(audit.keyId());
            assertThat(SigningKey.loadOrCreate(secret, "export-signing").keyId())
                    .isEqualTo(exports.keyId());
            assertThat(KeyRing.history(secret, SigningKey.AUDIT_KEY_NAME).keyIds())
                    .containsExactly(audit.keyId());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.loadOrCreate(secret, "other-signing"))
                    .hasMessageContaining("is read-only and holds no matching other-signing.key");
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static java.util.List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
