package org.citymaas.security.masking.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Keyed pseudonyms: {@code [CN_MOBILE:9f86d081884c7d65]}, the first 64 bits of
 * HMAC-SHA256(department key, type and normalized value). The same person gives the same token
 * within a department however the value was written ({@code 138 1234 5678}, {@code +86
 * 13812345678}); departments cannot join their tokens.
 */
public final class Pseudonymizer {

    private final DepartmentKeys keys;
    /** Per thread, one initialized Mac per department: creating and keying one costs more than using it. */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    public Pseudonymizer(DepartmentKeys keys) {
        this.keys = keys;
    }

    public String token(String department, PiiType type, String value) {
        return token(department, type == null ? "VALUE" : type.name(), normalize(type, value));
    }

    /** A token for a whole field value whose type is unknown, labelled with the given name. */
    public String token(String department, String label, String normalized) {
        var mac = macs.get().computeIfAbsent(department, this::newMac);
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        var digest = mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return "[" + label + ":" + HexFormat.of().formatHex(digest, 0, 8) + "]";
    }

    private Mac newMac(String department) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.pseudonymKey(department));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new MaskingException("HmacSHA256 is not available", e);
        }
    }

    static String normalize(PiiType type, String value) {
        if (type == null) {
            return value.strip();
        }
        var compact = Chars.compact(value);
        if (type == PiiType.CN_MOBILE && compact.length() > 11) {
            return compact.substring(compact.length() - 11);
        }
        return type == PiiType.EMAIL ? value.strip().toLowerCase(java.util.Locale.ROOT) : compact;
    }
}
