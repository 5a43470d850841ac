package org.citymaas.security.signing.control;

import java.security.PublicKey;
import org.citymaas.security.audit.control.SigningKey;
import org.citymaas.security.signing.entity.DetachedSignature;
import org.citymaas.security.signing.entity.SignatureVerdict;

/** Checks a document's bytes against its detached signature and a public key the verifier trusts. */
public final class DetachedSignatureCheck {

    private DetachedSignatureCheck() {}

    /** Whether {@code signature} is {@code trustedKey}'s signature of exactly {@code document}. */
    public static SignatureVerdict verify(byte[] document, DetachedSignature signature, PublicKey trustedKey) {
        var trustedId = SigningKey.keyId(trustedKey);
        if (!trustedId.equals(signature.keyId())) {
            return new SignatureVerdict(
                    false, "signed with key " + signature.keyId() + ", not with the trusted key " + trustedId);
        }
        if (!SigningKey.verify(trustedKey, document, signature.signature())) {
            return new SignatureVerdict(
                    false,
                    "the signature does not match the document's " + document.length
                            + " bytes: the document was changed after it was signed, or the signature is another"
                            + " document's");
        }
        return new SignatureVerdict(
                true, "the document's " + document.length + " bytes are signed by key " + trustedId);
    }
}
