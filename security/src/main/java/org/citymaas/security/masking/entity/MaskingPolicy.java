package org.citymaas.security.masking.entity;

import java.util.EnumMap;
import java.util.Map;

/** Which operator applies to each PII type; types not named fall back to the default operator. */
public record MaskingPolicy(Map<PiiType, MaskingOperator> operators, MaskingOperator fallback) {

    public MaskingPolicy {
        operators = operators.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(operators));
        if (fallback == null) {
            throw new IllegalArgumentException("a policy needs a default operator");
        }
    }

    /** Every type partially masked: the policy for logs and audit summaries. */
    public static MaskingPolicy partialMask() {
        return uniform(MaskingOperator.PARTIAL_MASK);
    }

    public static MaskingPolicy uniform(MaskingOperator operator) {
        return new MaskingPolicy(Map.of(), operator);
    }

    public MaskingPolicy with(PiiType type, MaskingOperator operator) {
        var copy = new EnumMap<PiiType, MaskingOperator>(PiiType.class);
        copy.putAll(operators);
        copy.put(type, operator);
        return new MaskingPolicy(copy, fallback);
    }

    public MaskingOperator operatorFor(PiiType type) {
        return operators.getOrDefault(type, fallback);
    }
}
