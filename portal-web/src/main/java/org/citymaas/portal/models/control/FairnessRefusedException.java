package org.citymaas.portal.models.control;

import java.util.Map;
import org.citymaas.portal.errors.PortalException;

/**
 * A staged version whose card has no fairness section, or one outside the platform's tolerance, is not
 * published: 409, naming the reason ({@code no-fairness-table}, {@code fairness-not-recomputed} or {@code
 * fairness-outside-tolerance}) and, for
 * the latter, the first check outside: attribute, metric, worst group, value and tolerance.
 */
public class FairnessRefusedException extends PortalException {

    public FairnessRefusedException(String detail, Map<String, Object> extensions) {
        this("Model version outside its fairness tolerance", detail, extensions);
    }

    public FairnessRefusedException(String title, String detail, Map<String, Object> extensions) {
        super(409, title, detail, extensions);
    }

    public String reason() {
        return (String) extensions().get("reason");
    }
}
