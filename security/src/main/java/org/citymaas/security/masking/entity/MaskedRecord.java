package org.citymaas.security.masking.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structured input after masking: the remaining fields (dropped ones are gone) in their original
 * order, and per scanned field what was found in it.
 */
public record MaskedRecord(Map<String, Object> fields, Map<String, List<Finding>> findings) {

    public MaskedRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        findings = Map.copyOf(findings);
    }
}
