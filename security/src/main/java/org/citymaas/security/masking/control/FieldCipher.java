package org.citymaas.security.masking.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.citymaas.security.masking.entity.InvalidTokenException;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.PiiType;

/**
 * AES-256-GCM tokens {@code {enc:CN_MOBILE:<base64url(iv || ciphertext || tag)>}} under the
 * department's key, with the department and type bound as associated data: a token moved to
 * another department or relabelled does not open. Opening is for {@code ReIdentification} only.
 */
public final class FieldCipher {

    /** Matches tokens in masked text; group 1 is the type, group 2 the payload. */
    public static final Pattern TOKEN = Pattern.compile("\\{enc:([A-Z_]+):([A-Za-z0-9_-]+)}");

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** One encrypting Cipher per thread: getInstance costs more than encrypting a short value. */
    private static final ThreadLocal<Cipher> ENCRYPTERS = ThreadLocal.withInitial(FieldCipher::newCipher);

    private final DepartmentKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(DepartmentKeys keys) {
        this.keys = keys;
    }

    public String encrypt(String department, PiiType type, String value) {
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = init(ENCRYPTERS.get(), Cipher.ENCRYPT_MODE, department, type, iv);
            var sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            var payload = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return "{enc:" + type.name() + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "}";
        } catch (GeneralSecurityException e) {
            throw new MaskingException("AES-GCM encryption failed", e);
        }
    }

    /** The type named in a token, without opening it. */
    public static PiiType typeOf(String token) {
        var m = TOKEN.matcher(token.strip());
        if (!m.matches()) {
            throw new InvalidTokenException("not an encrypted masking token", null);
        }
        try {
            return PiiType.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("unknown type in token", e);
        }
    }

    public String decrypt(String department, String token) {
        var type = typeOf(token);
        var m = TOKEN.matcher(token.strip());
        m.matches();
        try {
            var payload = Base64.getUrlDecoder().decode(m.group(2));
            if (payload.length <= IV_BYTES) {
                throw new InvalidTokenException("token too short", null);
            }
            var iv = java.util.Arrays.copyOf(payload, IV_BYTES);
            var cipher = init(newCipher(), Cipher.DECRYPT_MODE, department, type, iv);
            var plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new InvalidTokenException("token does not open under this department's key", e);
        } catch (GeneralSecurityException e) {
            throw new MaskingException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new MaskingException("AES/GCM is not available", e);
        }
    }

    private Cipher init(Cipher cipher, int mode, String department, PiiType type, byte[] iv)
            throws GeneralSecurityException {
        cipher.init(mode, keys.encryptionKey(department), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("citymaas/masking|" + department + "|" + type.name()).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
