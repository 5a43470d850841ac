package org.citymaas.portal.inference.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.citymaas.portal.inference.control.InputDigests;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.RecordingLevel;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.masking.boundary.Masking;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;
import org.citymaas.tenant.departments.entity.TenantId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Masks a request's text inputs by the model card before the model sees them: every BYTES input is
 * scanned as free text ({@code mask} and {@code none}), {@code pseudonymize} gives the department's
 * token, and {@code drop} fields are pseudonymized here too (the runtime then removes them before the
 * model). Numbers pass unchanged.
 *
 * <p>What the audit log and the server log get is the request's structure, never its text, masked or
 * not: the append-only, hash-chained audit log can never take a missed name back, so no recognizer's
 * miss may reach it.
 */
@ApplicationScoped
public class InputMasking {

    @Inject
    Masking masking;

    @Inject
    @ConfigProperty(name = "citymaas.masking.master-secret")
    Optional<String> masterSecret;

    private volatile InputDigests digests;

    /** For CDI. */
    public InputMasking() {}

    /** Without a container (tests of the controls that hand their inputs to it). */
    public InputMasking(Masking masking) {
        this(masking, null);
    }

    /** Without a container, with the master secret that salts the input digests (base64), or null. */
    public InputMasking(Masking masking, String masterSecret) {
        this.masking = masking;
        this.masterSecret = Optional.ofNullable(masterSecret);
    }

    /**
     * The masked inputs and the request's structure for the audit event.
     *
     * @param inputs the tensors the runtime gets
     * @param summary rows, each input's name, type and shape, and how many PII values of each type
     *     the masking found, e.g. {@code rows=1 inputs=text:BYTES[1] pii=CN_MOBILE:1,PERSON_NAME:2};
     *     for a version recorded at the {@code request} level also each masked input's salted digest
     *     ({@link InputDigests}), {@code digests=text:9f2c...}
     */
    public record MaskedInputs(List<Tensor> inputs, String summary) {}

    public MaskedInputs mask(TenantId department, ModelCard card, List<Tensor> inputs) {
        var masked = new ArrayList<Tensor>(inputs.size());
        var findings = new TreeMap<PiiType, Integer>();
        for (var tensor : inputs) {
            if (tensor.datatype() != DataType.BYTES) {
                masked.add(tensor);
                continue;
            }
            var sensitivity =
                    card.input(tensor.name()).map(f -> f.sensitivity()).orElse(Sensitivity.MASK);
            var values = tensor.strings();
            var out = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] == null ? "null" : mask(department, sensitivity, values[i], findings);
            }
            masked.add(Tensor.bytes(tensor.name(), tensor.shape(), out));
        }
        var summary = summary(inputs, findings);
        if (card.recording() == RecordingLevel.REQUEST) {
            summary += " digests=" + digests(card).of(masked);
        }
        return new MaskedInputs(masked, summary);
    }

    private InputDigests digests(ModelCard card) {
        if (digests == null) {
            var secret = masterSecret
                    .filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IllegalStateException(card.name() + " " + card.version()
                            + " is recorded at the request level, which needs citymaas.masking.master-secret"));
            digests = new InputDigests(Base64.getDecoder().decode(secret.strip()));
        }
        return digests;
    }

    /**
     * One value by its field's sensitivity: a field the model must not see ({@code drop}) is
     * pseudonymized here like a {@code pseudonymize} one (the runtime removes it before the model),
     * anything else is scanned as free text.
     */
    private String mask(TenantId department, Sensitivity sensitivity, String value, Map<PiiType, Integer> findings) {
        return switch (sensitivity) {
            case PSEUDONYMIZE, DROP -> masking.pseudonymize(department, value);
            case MASK, NONE -> {
                var masked = masking.mask(department, value, MaskingPolicy.partialMask());
                masked.findings().forEach(f -> findings.merge(f.type(), 1, Integer::sum));
                yield masked.masked();
            }
        };
    }

    /** The structure of a request: numbers, names the model card knows and PII type names, never a value. */
    static String summary(List<Tensor> inputs, Map<PiiType, Integer> findings) {
        var summary = new StringBuilder("rows=")
                .append(inputs.isEmpty() ? 0 : inputs.get(0).rows());
        if (!inputs.isEmpty()) {
            summary.append(" inputs=")
                    .append(inputs.stream()
                            .map(t -> t.name() + ":" + t.datatype()
                                    + Arrays.toString(t.shape()).replace(" ", ""))
                            .collect(Collectors.joining(",")));
        }
        if (!findings.isEmpty()) {
            summary.append(" pii=")
                    .append(findings.entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue())
                            .collect(Collectors.joining(",")));
        }
        return summary.toString();
    }
}
