package org.citymaas.security.masking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.citymaas.security.masking.control.DepartmentKeys;
import org.citymaas.security.masking.control.FieldCipher;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.ReIdentificationAudit;
import org.citymaas.security.masking.control.ReIdentifier;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.control.ValueMasker;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.MaskedText;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.tenant.departments.entity.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Masks what passes through the portal, one operation per treatment: scan free text and mask what it
 * holds ({@link #mask(String, String, MaskingPolicy)}), pseudonymize a value ({@link #pseudonymize}),
 * mask a value whole ({@link #maskValue}); a field to drop is simply not passed on. Which field gets
 * which is the caller's decision (the portal's, from the model card). Configuration: {@code citymaas.masking.master-secret}
 * (base64, at least 32 bytes; without it only partial masking and redaction work) and {@code
 * citymaas.masking.reidentify-roles} (comma-separated, default {@code auditor}). The portal provides
 * a {@link ReIdentificationAudit} bean; without one, re-identification is refused.
 */
@ApplicationScoped
public class Masking {

    private TextMasker texts;
    private ValueMasker values;
    private ReIdentifier reIdentifier;

    /** For CDI's client proxy only. */
    protected Masking() {}

    @Inject
    public Masking(
            @ConfigProperty(name = "citymaas.masking.master-secret") Optional<String> masterSecret,
            @ConfigProperty(name = "citymaas.masking.reidentify-roles", defaultValue = "auditor") String roles,
            Instance<ReIdentificationAudit> audit) {
        this(
                masterSecret.map(Masking::decode).orElse(null),
                Arrays.stream(roles.split(","))
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .collect(Collectors.toSet()),
                audit.isResolvable() ? event -> audit.get().record(event) : null);
    }

    /** Without a container: a null secret allows only partial masking and redaction. */
    public Masking(byte[] masterSecret, Set<String> reIdentifyRoles, ReIdentificationAudit audit) {
        var scanner = new PiiScanner();
        if (masterSecret == null) {
            this.texts = new TextMasker(scanner);
            this.reIdentifier = null;
        } else {
            var keys = new DepartmentKeys(masterSecret);
            this.texts = new TextMasker(scanner, keys);
            this.reIdentifier = new ReIdentifier(new FieldCipher(keys), reIdentifyRoles, audit, Clock.systemUTC());
        }
        this.values = new ValueMasker(texts);
    }

    /** What PII the text holds, without changing it. */
    public List<Finding> scan(String text) {
        return texts.scan(text);
    }

    /** Every finding partially masked; for logs and audit summaries. */
    public MaskedText mask(String text) {
        return texts.mask(text);
    }

    /** Masks a text for a department under a policy (pseudonyms and ciphertexts are per department). */
    public MaskedText mask(TenantId department, String text, MaskingPolicy policy) {
        return texts.mask(department.value(), text, policy);
    }

    /**
     * A department-scoped token for a value that is personal data as a whole (typed, {@code
     * [CN_ID_CARD:...]}, when it is exactly one recognized PII value, else {@code [VALUE:...]}): stable
     * within the department, so records can still be joined, and different across departments.
     *
     * @throws MaskingException without the master secret
     */
    public String pseudonymize(TenantId department, String value) {
        return values.pseudonymize(department.value(), value);
    }

    /** A value that is personal data as a whole, masked keeping its shape ({@code 138****5678}). */
    public String maskValue(String value) {
        return values.maskWhole(value);
    }

    /**
     * Opens an encrypted token ({@code {enc:TYPE:...}}) of this department for a caller holding an
     * allowed role who gives a reason; the attempt is audited first, granted or not.
     *
     * @throws org.citymaas.security.masking.entity.ReIdentificationDeniedException role, reason or
     *     audit sink missing
     * @throws org.citymaas.security.masking.entity.InvalidTokenException the token is malformed,
     *     altered or from another department
     */
    public String reIdentify(TenantId department, String token, String caller, Set<String> roles, String reason) {
        if (reIdentifier == null) {
            throw new MaskingException("re-identification needs the masking master secret");
        }
        return reIdentifier.reIdentify(department.value(), token, caller, roles, reason);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MaskingException("citymaas.masking.master-secret is not base64", e);
        }
    }
}
