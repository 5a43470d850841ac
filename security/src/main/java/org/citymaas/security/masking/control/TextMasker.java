package org.citymaas.security.masking.control;

import java.util.List;
import org.citymaas.security.masking.entity.Finding;
import org.citymaas.security.masking.entity.MaskedText;
import org.citymaas.security.masking.entity.MaskingException;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;

/** Scans a text and replaces every finding with what the policy's operator makes of it. */
public final class TextMasker {

    private final PiiScanner scanner;
    private final Pseudonymizer pseudonymizer;
    private final FieldCipher cipher;

    /** A masker that can only partially mask and redact: no keys, no department needed. */
    public TextMasker(PiiScanner scanner) {
        this.scanner = scanner;
        this.pseudonymizer = null;
        this.cipher = null;
    }

    public TextMasker(PiiScanner scanner, DepartmentKeys keys) {
        this.scanner = scanner;
        this.pseudonymizer = new Pseudonymizer(keys);
        this.cipher = new FieldCipher(keys);
    }

    public List<Finding> scan(String text) {
        return scanner.scan(text);
    }

    /** Partial masking of every type: the form for logs and audit summaries. */
    public MaskedText mask(String text) {
        return mask(null, text, MaskingPolicy.partialMask());
    }

    public MaskedText mask(String department, String text, MaskingPolicy policy) {
        var findings = scanner.scan(text);
        if (findings.isEmpty()) {
            return new MaskedText(text, findings);
        }
        var out = new StringBuilder(text.length() + 16 * findings.size());
        int copied = 0;
        for (var f : findings) {
            out.append(text, copied, f.start());
            var value = text.substring(f.start(), f.end());
            out.append(apply(department, f.type(), value, policy.operatorFor(f.type())));
            copied = f.end();
        }
        out.append(text, copied, text.length());
        return new MaskedText(out.toString(), findings);
    }

    /** One value through one operator. */
    public String apply(String department, PiiType type, String value, MaskingOperator operator) {
        return switch (operator) {
            case PARTIAL_MASK -> PartialMask.apply(type, value);
            case REDACT -> type.label();
            case PSEUDONYMIZE -> keyed(pseudonymizer).token(department, type, value);
            case ENCRYPT -> keyed(cipher).encrypt(department, type, value);
        };
    }

    Pseudonymizer pseudonymizer() {
        return keyed(pseudonymizer);
    }

    private static <T> T keyed(T operator) {
        if (operator == null) {
            throw new MaskingException("pseudonymize and encrypt need the masking master secret");
        }
        return operator;
    }
}
