package org.citymaas.security.signing.entity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A detached signature: the text file ({@code <document>.sig}) that travels next to a signed document.
 * Three lines of US-ASCII, each ended by a line feed:
 *
 * <pre>
 * algorithm: Ed25519
 * key-id: &lt;lowercase hex SHA-256 of the signer's public key, X.509 encoding&gt;
 * signature: &lt;Base64 of the 64-byte Ed25519 signature over the document's exact bytes&gt;
 * </pre>
 *
 * The key id names the key; it does not carry it: a verifier trusts a public key it got elsewhere.
 *
 * @param keyId the signer's key id
 * @param signature the signature, Base64
 */
public record DetachedSignature(String keyId, String signature) {

    public static final String ALGORITHM = "Ed25519";

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final int SIGNATURE_BYTES = 64;

    public DetachedSignature {
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(signature, "signature");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new MalformedSignatureException("a key id is 64 lowercase hex digits, not '" + keyId + "'");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException("the signature is not Base64: " + e.getMessage());
        }
        if (raw.length != SIGNATURE_BYTES) {
            throw new MalformedSignatureException(
                    "an Ed25519 signature is 64 bytes, this one " + raw.length + " bytes");
        }
    }

    /** The signature file's text. */
    public String text() {
        return "algorithm: " + ALGORITHM + "\nkey-id: " + keyId + "\nsignature: " + signature + "\n";
    }

    /** The signature file's bytes. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a signature file's text (line feeds, or CR LF as an editor may leave them).
     *
     * @throws MalformedSignatureException naming the line that is not as documented
     */
    public static DetachedSignature parse(String text) {
        Objects.requireNonNull(text, "signature file");
        var lines = text.replace("\r\n", "\n").split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count != 3) {
            throw new MalformedSignatureException(
                    "a signature file has 3 lines (algorithm, key-id, signature)," + " this one " + count);
        }
        var algorithm = value(lines[0], 1, "algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw new MalformedSignatureException(
                    "line 1: the algorithm is " + ALGORITHM + ", not '" + algorithm + "'");
        }
        return new DetachedSignature(value(lines[1], 2, "key-id"), value(lines[2], 3, "signature"));
    }

    private static String value(String line, int number, String name) {
        var prefix = name + ": ";
        if (!line.startsWith(prefix)) {
            throw new MalformedSignatureException("line " + number + " should start with '" + prefix + "', found '"
                    + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "'");
        }
        return line.substring(prefix.length()).strip();
    }
}
