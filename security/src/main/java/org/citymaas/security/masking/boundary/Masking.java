package org.citymaas.security.masking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.citymaas.security.masking.control.DepartmentKeys;
import org.citymaas.security.masking.control.FieldCipher;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.ReIdentificationAudit;
import org.citymaas.security.masking.control.ReIdentifier;
import org.citymaas.security.masking.control.RecordMasker;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.MaskedRecord;
import org.citymaas.security.masking.entity.MaskedText;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.Sensitivity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Masks what passes through the portal. Configuration: {@code citymaas.masking.master-secret}
 * (base64, at least 32 bytes; without it only partial masking and redaction work) and {@code
 * citymaas.masking.reidentify-roles} (comma-separated, default {@code auditor}). The portal provides
 * a {@link ReIdentificationAudit} bean; without one, re-identification is refused.
 */
@ApplicationScoped
public class Masking {

    private TextMasker texts;
    private RecordMasker records;
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
        this.records = new RecordMasker(texts);
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
    public MaskedText mask(String department, String text, MaskingPolicy policy) {
        return texts.mask(department, text, policy);
    }

    /**
     * Masks a model request's fields: each field by its schema sensitivity, free-text fields (and
     * string fields the schema does not name) scanned and partially masked.
     */
    public MaskedRecord maskRecord(
            String department, Map<String, ?> fields, Map<String, Sensitivity> sensitivities, Set<String> freeText) {
        return maskRecord(department, fields, sensitivities, freeText, MaskingPolicy.partialMask());
    }

    /** As above, with the operators for what the free-text scan finds. */
    public MaskedRecord maskRecord(
            String department,
            Map<String, ?> fields,
            Map<String, Sensitivity> sensitivities,
            Set<String> freeText,
            MaskingPolicy textPolicy) {
        return records.mask(department, fields, sensitivities, freeText, textPolicy);
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
    public String reIdentify(String department, String token, String caller, Set<String> roles, String reason) {
        if (reIdentifier == null) {
            throw new MaskingException("re-identification needs the masking master secret");
        }
        return reIdentifier.reIdentify(department, token, caller, roles, reason);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MaskingException("citymaas.masking.master-secret is not base64", e);
        }
    }
}
