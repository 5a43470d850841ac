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
}
