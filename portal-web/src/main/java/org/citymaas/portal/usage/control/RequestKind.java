package org.citymaas.portal.usage.control;

import java.util.Locale;
import org.citymaas.billing.usage.entity.UsageKind;

/**
 * What one of a caller's requests was, as "My history" shows it: an inference ({@code /infer}, the model
 * page's Run, a batch line) or an explanation ({@code /explain}, the model page's Explain, an explained
 * batch line). Each is its own audit action and its own usage kind; a request id serves one kind.
 */
public enum RequestKind {
    INFER("inference.request", UsageKind.INFER),
    EXPLAIN("inference.explain", UsageKind.EXPLAIN);

    private final String action;
    private final UsageKind usage;

    RequestKind(String action, UsageKind usage) {
        this.action = action;
        this.usage = usage;
    }

    /** The audit action its requests are recorded under. */
    public String action() {
        return action;
    }

    /** The usage kind it is metered as. */
    public UsageKind usage() {
        return usage;
    }

    /** How the API and the page name it: {@code infer} or {@code explain}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of an audit action. */
    public static RequestKind ofAction(String action) {
        for (var kind : values()) {
            if (kind.action.equals(action)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no request kind has the audit action " + action);
    }
}
