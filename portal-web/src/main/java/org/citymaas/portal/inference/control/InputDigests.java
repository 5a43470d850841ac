package org.citymaas.portal.inference.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * Salted digests of a request's masked inputs, what the audit log keeps of a model version recorded
 * at the {@code request} level: HMAC-SHA256 of each input's canonical form ({@link
 * RequestDigest#canonical(Tensor)}) under a key derived from the platform's masking secret. Whoever
 * holds an input and the key can show it was the one sent; nobody can guess inputs from the log, as
 * a plain hash of a few numbers would allow.
 */
public final class InputDigests {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "citymaas-audit-input-digest/1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    /** @param masterSecret the platform's masking master secret; the key is derived from it, never it */
    public InputDigests(byte[] masterSecret) {
        if (masterSecret == null || masterSecret.length < 16) {
            throw new IllegalArgumentException("input digests need a master secret of at least 16 bytes");
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(masterSecret, ALGORITHM), PURPOSE), ALGORITHM);
    }

    /** {@code name:digest} per input, by name, space-separated: printable structure for the audit summary. */
    public String of(List<Tensor> maskedInputs) {
        return maskedInputs.stream()
                .sorted(Comparator.comparing(Tensor::name))
                .map(t -> t.name() + ":" + HexFormat.of().formatHex(hmac(key, RequestDigest.canonical(t))))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
