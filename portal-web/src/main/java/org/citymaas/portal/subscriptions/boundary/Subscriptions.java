package org.citymaas.portal.subscriptions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.quotas.boundary.Quotas;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.citymaas.tenant.quotas.entity.QuotaStatus;
import org.citymaas.tenant.subscriptions.boundary.ModelSubscriptions;
import org.citymaas.tenant.subscriptions.entity.Subscription;

/**
 * Subscriptions and quotas as the platform admins change them: the model is checked in the catalog,
 * tenant-core keeps the subscription or the limits, and the audit event commits in the same
 * transaction (appended last). Reads go straight to tenant-core.
 */
@ApplicationScoped
public class Subscriptions {

    @Inject
    ModelSubscriptions subscriptions;

    @Inject
    Quotas quotas;

    @Inject
    AuditTrail audit;

    @Inject
    Catalog catalog;

    @Inject
    ModelLifecycle lifecycle;

    @Transactional
    public SubscriptionView grant(TenantId department, NewSubscription request, Caller by) {
        var model = request.model();
        if (catalog.versions(model).isEmpty()) {
            throw new UnknownModelException("the catalog has no model '" + model + "'");
        }
        if (request.version() != null && !lifecycle.serving(model).contains(request.version())) {
            throw new UnknownModelException("model '" + model + "' has no version '" + request.version() + "'");
        }
        var granted = subscriptions.grant(department, model, request.version(), by.name());
        audit.append(AuditTrail.by(by)
                .action("subscription.grant")
                .resource("tenants/" + department + "/subscriptions/" + model)
                .outcome("OK", 201)
                .summary("version " + (request.version() == null ? "all" : request.version()))
                .build());
        return view(granted);
    }

    @Transactional
    public boolean revoke(TenantId department, String model, Caller by) {
        var removed = subscriptions.revoke(department, model);
        audit.append(AuditTrail.by(by)
                .action("subscription.revoke")
                .resource("tenants/" + department + "/subscriptions/" + model)
                .outcome(removed ? "OK" : "NOT_FOUND", removed ? 204 : 404)
                .build());
        return removed;
    }

    public List<SubscriptionView> list(TenantId department) {
        return subscriptions.list(department).stream().map(Subscriptions::view).toList();
    }

    /** Every department's subscriptions, by department and model: the platform admins' overview. */
    public List<SubscriptionView> all() {
        return subscriptions.all().stream().map(Subscriptions::view).toList();
    }

    /** The department's subscription to the model, if it has one. */
    public Optional<SubscriptionView> find(TenantId department, String model) {
        return subscriptions.find(department, model).map(Subscriptions::view);
    }

    @Transactional
    public QuotaView setQuota(TenantId department, String model, QuotaLimits limits, Caller by) {
        limits.requireNonNegative();
        var status = quotas.setLimit(department, model, new QuotaLimit(limits.requests(), limits.rows()), by.name());
        audit.append(AuditTrail.by(by)
                .action("quota.set")
                .resource("tenants/" + department + "/quotas/" + model)
                .outcome("OK", 200)
                .summary("requests " + limits.requests() + ", rows " + limits.rows() + " a month")
                .build());
        return view(model, status);
    }

    /** The department's quota status for every model it subscribes to. */
    public List<QuotaView> quotas(TenantId department) {
        return quotas.subscribed(department).stream()
                .map(q -> view(q.model(), q.status()))
                .toList();
    }

    /** What the department used of the model this month, and its limits. */
    public QuotaView quota(TenantId department, String model) {
        return view(model, quotas.status(department, model));
    }

    private static SubscriptionView view(Subscription subscription) {
        return new SubscriptionView(
                subscription.tenant().value(),
                subscription.model(),
                subscription.pinnedVersion(),
                subscription.grantedBy(),
                subscription.grantedAt());
    }

    private static QuotaView view(String model, QuotaStatus status) {
        var limit = status.limit();
        return new QuotaView(
                model,
                limit.map(l -> l.requests()).orElse(null),
                status.requestsUsed(),
                status.requestsLeft().orElse(null),
                limit.map(l -> l.rows()).orElse(null),
                status.rowsUsed(),
                status.rowsLeft().orElse(null),
                status.period().resetsAt());
    }
}
