package org.citymaas.security.masking.entity;

import java.util.Locale;

/** What a policy does with a recognized value. */
public enum MaskingOperator {
    /** Keeps the shape and a few characters: {@code 138****5678}. */
    PARTIAL_MASK,
    /** Replaces the value by its type label: {@code [CN_MOBILE]}. */
    REDACT,
    /** A keyed HMAC token, stable within a department and different across departments. */
    PSEUDONYMIZE,
    /** AES-GCM ciphertext that only an authorized, audited re-identification can open. */
    ENCRYPT;

    /** Accepts {@code partial}, {@code partial-mask}, {@code redact}, {@code pseudonymize}, {@code encrypt}. */
    public static MaskingOperator parse(String text) {
        var key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return "PARTIAL".equals(key) || "MASK".equals(key) ? PARTIAL_MASK : valueOf(key);
    }
}
