package org.citymaas.security.masking.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.citymaas.security.masking.entity.MaskingException;

/**
 * Per-department keys derived from the platform master secret with HKDF (RFC 5869) over the JDK's
 * HmacSHA256: one extract with a fixed salt, then one expand per department and purpose, so a key
 * leaked from one department or purpose says nothing about another. Keys are cached.
 */
public final class DepartmentKeys {

    private static final byte[] SALT = "citymaas/masking/v1".getBytes(StandardCharsets.UTF_8);
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec pseudorandomKey;
    private final ConcurrentMap<String, SecretKey> cache = new ConcurrentHashMap<>();

    public DepartmentKeys(byte[] masterSecret) {
        if (masterSecret == null || masterSecret.length < MIN_SECRET_BYTES) {
            throw new MaskingException("the masking master secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.pseudorandomKey =
                new SecretKeySpec(hmac(new SecretKeySpec(SALT, "HmacSHA256"), masterSecret), "HmacSHA256");
    }

    /** The HmacSHA256 key that pseudonymizes this department's values. */
    public SecretKey pseudonymKey(String department) {
        return cache.computeIfAbsent(
                "pseudonym:" + requireDepartment(department), info -> new SecretKeySpec(expand(info), "HmacSHA256"));
    }

    /** The AES-256 key that encrypts this department's values. */
    public SecretKey encryptionKey(String department) {
        return cache.computeIfAbsent(
                "encrypt:" + requireDepartment(department), info -> new SecretKeySpec(expand(info), "AES"));
    }

    static String requireDepartment(String department) {
        if (department == null || department.isBlank()) {
            throw new MaskingException("a department is required to pseudonymize or encrypt");
        }
        return department;
    }

    /** HKDF-Expand for one 32-byte block: T(1) = HMAC(PRK, info || 0x01). */
    private byte[] expand(String info) {
        var infoBytes = info.getBytes(StandardCharsets.UTF_8);
        var input = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        input[infoBytes.length] = 1;
        return hmac(pseudorandomKey, input);
    }

    static byte[] hmac(SecretKey key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new MaskingException("HmacSHA256 is not available", e);
        }
    }
}
