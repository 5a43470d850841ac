package org.citymaas.security.audit.control;

import java.util.regex.Pattern;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.AuditQuery;

/**
 * The search's filters written in Java, for the offline verifier: whether an exported event is one the
 * manifest's filters match. The same rules as the SQL of {@link EventSearch} (and the model function
 * {@code audit_resource_model} of V10).
 */
final class ExportFilter {

    private static final Pattern GRANT = Pattern.compile("tenants/[^/]+/(subscriptions|quotas)/([^/]+)");

    private ExportFilter() {}

    /** Why the event does not match the filters, or null when it does. */
    static String mismatch(AuditQuery q, AuditEvent e) {
        if (q.from() != null && e.occurredAt().isBefore(q.from())) {
            return "it occurred before the filter's start " + CanonicalForm.instant(q.from());
        }
        if (q.to() != null && !e.occurredAt().isBefore(q.to())) {
            return "it occurred at or after the filter's end " + CanonicalForm.instant(q.to());
        }
        if (!q.departments().isEmpty()
                && (e.tenant() == null || !q.departments().contains(e.tenant()))) {
            return "its department " + CanonicalForm.tenant(e.tenant()) + " is not among " + q.departments();
        }
        if (!q.actors().isEmpty() && !q.actors().contains(e.actor())) {
            return "its actor is not among the filter's actors";
        }
        if (!q.actions().isEmpty()) {
            var category = e.action().split("\\.", -1)[0];
            if (!q.exactActions().contains(e.action()) && !q.wholeCategories().contains(category)) {
                return "its action " + e.action() + " is not among " + q.actions();
            }
        }
        if (!q.models().isEmpty() && !q.models().contains(model(e.resource()))) {
            return "its resource " + e.resource() + " concerns none of the models " + q.models();
        }
        if (!q.outcomes().isEmpty() && !q.outcomes().contains(e.outcome())) {
            return "its outcome " + e.outcome() + " is not among " + q.outcomes();
        }
        if (q.httpStatus() != null && !q.httpStatus().equals(e.httpStatus())) {
            return "its HTTP status " + e.httpStatus() + " is not " + q.httpStatus();
        }
        if (q.clientAddress() != null && !q.clientAddress().equals(e.clientAddress())) {
            return "its client address is not the filter's";
        }
        if (q.requestId() != null && !q.requestId().equals(e.requestId())) {
            return "its request id is not the filter's";
        }
        return null;
    }

    /** As {@code audit_resource_model(resource)}: the model a resource path concerns, or null. */
    static String model(String resource) {
        if (resource.startsWith("models/")) {
            return resource.split("/", -1)[1];
        }
        var grant = GRANT.matcher(resource);
        return grant.matches() ? grant.group(2) : null;
    }
}
