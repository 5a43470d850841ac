package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.MaskedRecord;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.Sensitivity;

/**
 * Masks a structured input (a model request's fields) by the model schema's sensitivities: {@code
 * drop} removes the field, {@code mask} masks the whole value keeping its shape, {@code
 * pseudonymize} replaces it by a department-scoped token, {@code none} keeps it. Free-text fields,
 * and any string field the schema does not mention, are scanned and masked with the text policy:
 * an unknown field is treated as text that may hold PII rather than passed through.
 */
public final class RecordMasker {

    private final TextMasker texts;

    public RecordMasker(TextMasker texts) {
        this.texts = texts;
    }

    public MaskedRecord mask(
            String department,
            Map<String, ?> record,
            Map<String, Sensitivity> sensitivities,
            Set<String> freeTextFields,
            MaskingPolicy textPolicy) {
        var fields = new LinkedHashMap<String, Object>();
        var findings = new HashMap<String, List<Finding>>();
        for (var entry : record.entrySet()) {
            var name = entry.getKey();
            var value = entry.getValue();
            var sensitivity = sensitivities.get(name);
            if (sensitivity == Sensitivity.DROP) {
                continue;
            }
            if (value == null) {
                fields.put(name, null);
            } else if (sensitivity == Sensitivity.MASK) {
                fields.put(name, maskWhole(String.valueOf(value)));
            } else if (sensitivity == Sensitivity.PSEUDONYMIZE) {
                fields.put(name, pseudonymize(department, String.valueOf(value)));
            } else if (freeTextFields.contains(name) || (sensitivity == null && value instanceof CharSequence)) {
                var found = new ArrayList<Finding>();
                fields.put(name, scan(department, value, textPolicy, found));
                if (!found.isEmpty()) {
                    findings.put(name, found);
                }
            } else {
                fields.put(name, value);
            }
        }
        return new MaskedRecord(fields, findings);
    }

    private String maskWhole(String value) {
        var whole = wholeValue(value);
        return whole == null ? PartialMask.all(value) : PartialMask.apply(whole.type(), value);
    }

    private String pseudonymize(String department, String value) {
        var whole = wholeValue(value);
        return whole == null
                ? texts.pseudonymizer().token(department, "VALUE", value.strip())
                : texts.pseudonymizer().token(department, whole.type(), value);
    }

    /** The finding when the value is exactly one recognized PII value, else null. */
    private Finding wholeValue(String value) {
        var found = texts.scan(value);
        return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == value.length()
                ? found.get(0)
                : null;
    }

    /** Masks strings, also inside nested lists and maps; other values pass. */
    private Object scan(String department, Object value, MaskingPolicy policy, List<Finding> found) {
        if (value instanceof CharSequence text) {
            var masked = texts.mask(department, text.toString(), policy);
            found.addAll(masked.findings());
            return masked.masked();
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>(list.size());
            for (var item : list) {
                out.add(item == null ? null : scan(department, item, policy, found));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> out.put(k, v == null ? null : scan(department, v, policy, found)));
            return out;
        }
        return value;
    }
}
