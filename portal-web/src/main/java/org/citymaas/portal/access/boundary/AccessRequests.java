package org.citymaas.portal.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.citymaas.portal.access.entity.AccessStatus;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.AccessRequestConflictException;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.UnknownAccessRequestException;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.portal.subscriptions.boundary.NewSubscription;
import org.citymaas.portal.subscriptions.boundary.QuotaLimits;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Access requests, asked by a department and decided by a platform admin. Each step is audited (the request's id,
 * the model, the outcome; never the justification or the reason). A refusal of a step (a second pending request, a
 * model the department has, a request decided already) is audited and commits nothing else: the checks come
 * before any write, so the transaction commits only the refusal's event.
 */
@ApplicationScoped
public class AccessRequests {

    public static final int MAX_JUSTIFICATION = 1000;
    public static final int MAX_REASON = 500;

    private static final String COLUMNS = "id, tenant_id, model, requested_by, requested_at, justification, status,"
            + " decided_by, decided_at, reason, request_limit, row_limit";

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    @Inject
    Subscriptions subscriptions;

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    Catalog catalog;

    @Inject
    AuditTrail audit;

    /** The catalog's models that have a published (or deprecated) version answering calls, by name. */
    public List<String> published() {
        return catalog.modelNames().stream()
                .sorted()
                .filter(model -> !lifecycle.serving(model).isEmpty())
                .toList();
    }

    /**
     * Records the department's request.
     *
     * @throws InvalidParameterException no published model of that name, or a justification that is blank, too
     *     long or holds hostile characters
     * @throws AccessRequestConflictException the department subscribes to the model or has a pending request for it
     */
    @Transactional(dontRollbackOn = AccessRequestConflictException.class)
    public AccessRequestView request(TenantId department, NewAccessRequest request, Caller by) {
        var model = request.model();
        var justification = text("justification", request.justification(), MAX_JUSTIFICATION);
        if (model == null || !published().contains(model)) {
            throw new InvalidParameterException("model", "the catalog has no published model of that name");
        }
        var event = AuditTrail.by(by).action("access.request").resource(resource(department, null));
        if (subscriptions.find(department, model).isPresent()) {
            throw refused(event, model, "SUBSCRIBED", "your department already subscribes to model '" + model + "'");
        }
        List<?> created = em.createNativeQuery("INSERT INTO access_request (tenant_id, model, requested_by,"
                        + " justification) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
                .setParameter(1, department.value())
                .setParameter(2, model)
                .setParameter(3, by.name())
                .setParameter(4, justification)
                .getResultList();
        if (created.isEmpty()) {
            throw refused(
                    event, model, "PENDING", "your department already has a pending request for model '" + model + "'");
        }
        var view = view((Object[]) created.get(0));
        audit.append(AuditTrail.by(by)
                .action("access.request")
                .resource(resource(department, view.id()))
                .outcome("OK", 201)
                .summary("model " + model)
                .build());
        return view;
    }

    /** The department's requests, newest first. */
    public List<AccessRequestView> list(TenantId department) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS
                        + " FROM access_request WHERE tenant_id = ?1 ORDER BY requested_at DESC, id DESC")
                .setParameter(1, department.value())
                .getResultList());
    }

    /** Every department's requests with the status, oldest first (the platform admins' queue), at most 500. */
    public List<AccessRequestView> list(AccessStatus status) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS
                        + " FROM access_request WHERE status = ?1 ORDER BY requested_at, id LIMIT 500")
                .setParameter(1, status.name())
                .getResultList());
    }

    public Optional<AccessRequestView> find(long id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM access_request WHERE id = ?1")
                        .setParameter(1, id)
                        .getResultList())
                .stream()
                .findFirst();
    }

    /**
     * Grants a pending request: the department is subscribed to every version of the model and gets the monthly
     * limits, through {@link Subscriptions} (audited there as any grant), in this transaction.
     *
     * @throws UnknownAccessRequestException no such request
     * @throws AccessRequestConflictException it was decided already
     */
    @Transactional(dontRollbackOn = AccessRequestConflictException.class)
    public AccessRequestView grant(long id, AccessGrant grant, Caller by) {
        if (grant.requests() == null || grant.requests() < 0) {
            throw new InvalidParameterException("requests", "must be a whole number from 0");
        }
        if (grant.rows() == null || grant.rows() < 0) {
            throw new InvalidParameterException("rows", "must be a whole number from 0");
        }
        var pending = decide(
                id,
                by,
                "access.grant",
                em.createNativeQuery("UPDATE access_request SET status = 'GRANTED', decided_by = ?1,"
                                + " decided_at = now(), request_limit = ?2, row_limit = ?3"
                                + " WHERE id = ?4 AND status = 'PENDING'")
                        .setParameter(2, grant.requests())
                        .setParameter(3, grant.rows())
                        .setParameter(4, id));
        var limits = new QuotaLimits(grant.requests(), grant.rows());
        var department = new TenantId(pending.department());
        subscriptions.grant(department, new NewSubscription(pending.model(), null), by);
        subscriptions.setQuota(department, pending.model(), limits, by);
        audit.append(AuditTrail.by(by)
                .action("access.grant")
                .resource(resource(department, id))
                .outcome("OK", 200)
                .summary("model " + pending.model() + " requests " + grant.requests() + ", rows " + grant.rows()
                        + " a month")
                .build());
        return find(id).orElseThrow();
    }

    /**
     * Refuses a pending request with a reason the department will read.
     *
     * @throws InvalidParameterException a reason that is blank, too long or holds hostile characters
     * @throws UnknownAccessRequestException no such request
     * @throws AccessRequestConflictException it was decided already
     */
    @Transactional(dontRollbackOn = AccessRequestConflictException.class)
    public AccessRequestView refuse(long id, AccessRefusal refusal, Caller by) {
        var reason = text("reason", refusal.reason(), MAX_REASON);
        var pending = decide(
                id,
                by,
                "access.refuse",
                em.createNativeQuery("UPDATE access_request SET status = 'REFUSED', decided_by = ?1,"
                                + " decided_at = now(), reason = ?2 WHERE id = ?3 AND status = 'PENDING'")
                        .setParameter(2, reason)
                        .setParameter(3, id));
        audit.append(AuditTrail.by(by)
                .action("access.refuse")
                .resource(resource(new TenantId(pending.department()), id))
                .outcome("OK", 200)
                .summary("model " + pending.model())
                .build());
        return find(id).orElseThrow();
    }

    /**
     * Runs the decision's update (parameter 1 is the decider) on a request that must still be pending; one that is
     * not pending any more is refused (audited).
     */
    private AccessRequestView decide(long id, Caller by, String action, Query update) {
        var before = find(id).orElseThrow(() -> new UnknownAccessRequestException(id));
        var changed = update.setParameter(1, by.name()).executeUpdate();
        if (changed != 1) {
            var event = AuditTrail.by(by).action(action).resource(resource(new TenantId(before.department()), id));
            var now = find(id).map(AccessRequestView::status).orElse(before.status());
            throw refused(
                    event,
                    before.model(),
                    now,
                    "access request " + id + " was " + now.toLowerCase(Locale.ROOT) + " already");
        }
        return before;
    }

    /** A conflict, audited (the model and the state it met, no text) before it is thrown. */
    private AccessRequestConflictException refused(
            AuditEvent.Builder event, String model, String state, String detail) {
        audit.record(event.outcome("REJECTED", 409)
                .summary("model " + model + " state " + state)
                .build());
        return new AccessRequestConflictException(model, state, detail);
    }

    /** A person's text, stripped: 1 to {@code max} characters, none of them hostile. */
    private static String text(String field, String value, int max) {
        var kept = value == null ? "" : value.strip();
        if (kept.isEmpty()) {
            throw new InvalidParameterException(field, "is required");
        }
        if (kept.length() > max) {
            throw new InvalidParameterException(field, "must be at most " + max + " characters");
        }
        HostileCharacters.find(kept).ifPresent(hostile -> {
            throw new InvalidParameterException(field, hostile.message());
        });
        return kept;
    }

    private static String resource(TenantId department, Long id) {
        return "tenants/" + department.value() + "/access-requests" + (id == null ? "" : "/" + id);
    }

    private static List<AccessRequestView> rows(List<?> rows) {
        return rows.stream().map(Object[].class::cast).map(AccessRequests::view).toList();
    }

    private static AccessRequestView view(Object[] row) {
        return new AccessRequestView(
                ((Number) row[0]).longValue(),
                (String) row[1],
                (String) row[2],
                (String) row[3],
                instant(row[4]),
                (String) row[5],
                (String) row[6],
                (String) row[7],
                instant(row[8]),
                (String) row[9],
                row[10] == null ? null : ((Number) row[10]).longValue(),
                row[11] == null ? null : ((Number) row[11]).longValue());
    }

    /** A timestamptz column as the driver hands it over (an OffsetDateTime or an Instant), or null. */
    private static Instant instant(Object value) {
        return value == null ? null : Instant.from((TemporalAccessor) value);
    }
}
