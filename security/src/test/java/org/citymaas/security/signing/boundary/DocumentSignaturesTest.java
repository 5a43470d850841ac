package org.citymaas.security.signing.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.citymaas.security.signing.entity.DetachedSignature;
import org.citymaas.security.signing.entity.MalformedSignatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSignaturesTest {

    private static final byte[] DOCUMENT =
            "\uFEFFSubAccountName,BilledCost\r\n鄞州区交通局,48.90\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesForTheSignedBytesAndTheSignersKey(@TempDir Path dir) {
        var signatures = new DocumentSignatures(dir);
        var signature = signatures.sign(DOCUMENT);

        assertThat(signature.text())
                .matches("algorithm: Ed25519\nkey-id: [0-9a-f]{64}\nsignature: [A-Za-z0-9+/]{86}==\n")
                .contains(signatures.keyId());
        var verdict = DocumentSignatures.verify(DOCUMENT, signature.text(), signatures.publicKeyPem());
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.toString()).startsWith("OK: ");
        assertThat(dir.resolve("export-signing.key")).exists();
        assertThat(new DocumentSignatures(dir).keyId())
                .as("the next start loads the same key")
                .isEqualTo(signatures.keyId());
    }

    @Test
    void oneChangedByteFails(@TempDir Path dir) {
        var signatures = new DocumentSignatures(dir);
        var signature = signatures.sign(DOCUMENT);
        for (int i : new int[] {0, DOCUMENT.length / 2, DOCUMENT.length - 1}) {
            var changed = DOCUMENT.clone();
            changed[i] ^= 0x01;

            var verdict = DocumentSignatures.verify(changed, signature.text(), signatures.publicKeyPem());

            assertThat(verdict.valid()).as("byte %d changed", i).isFalse();
            assertThat(verdict.reason()).contains("was changed after it was signed");
        }
    }

    @Test
    void anotherKeyFails(@TempDir Path dir) {
        var signer = new DocumentSignatures(dir.resolve("portal"));
        var other = new DocumentSignatures(dir.resolve("elsewhere"));
        var signature = signer.sign(DOCUMENT);

        var verdict = DocumentSignatures.verify(DOCUMENT, signature.text(), other.publicKeyPem());
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("not with the trusted key " + other.keyId());

        var claimingTheOtherKey = new DetachedSignature(other.keyId(), signature.signature());
        assertThat(DocumentSignatures.verify(DOCUMENT, claimingTheOtherKey.text(), other.publicKeyPem())
                        .valid())
                .as("naming the trusted key does not make another key's signature valid")
                .isFalse();
    }

    @Test
    void aMalformedSignatureFileSaysWhatIsWrong(@TempDir Path dir) {
        var signatures = new DocumentSignatures(dir);
        var good = signatures.sign(DOCUMENT);
        var pem = signatures.publicKeyPem();

        assertThatThrownBy(() -> DocumentSignatures.verify(DOCUMENT, "", pem))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessageContaining("3 lines");
        assertThatThrownBy(() -> DocumentSignatures.verify(DOCUMENT, good.text().replace("Ed25519", "RSA"), pem))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessageContaining("line 1: the algorithm is Ed25519, not 'RSA'");
        assertThatThrownBy(() -> DocumentSignatures.verify(DOCUMENT, good.text().replace("key-id:", "key:"), pem))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessageContaining("line 2 should start with 'key-id: '");
        assertThatThrownBy(() -> DocumentSignatures.verify(
                        DOCUMENT, good.text().replace(good.signature(), "bm90IGEgc2lnbmF0dXJl"), pem))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessageContaining("64 bytes");
        assertThat(DocumentSignatures.verify(DOCUMENT, good.text().replace("\n", "\r\n"), pem)
                        .valid())
                .as("line ends an editor changed still read")
                .isTrue();
    }
}
