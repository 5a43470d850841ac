package org.citymaas.security.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
