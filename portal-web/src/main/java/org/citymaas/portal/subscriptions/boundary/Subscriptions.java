package org.citymaas.portal.subscriptions.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.IllegalQuotaException;
import org.citymaas.portal.errors.LedgerException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.quotas.control.QuotaLedger;
import org.citymaas.tenant.quotas.entity.QuotaLimit;

/**
 * Subscriptions and quotas in PostgreSQL. Each change and its audit event commit together (the audit
 * append last); reads are plain queries.
 */
@ApplicationScoped
public class Subscriptions {

    private static final String DEPARTMENT = "SELECT 1 FROM department WHERE slug = ?";
    private static final String GRANT = "INSERT INTO subscription (id, tenant_id, model, pinned_version, granted_by,"
            + " granted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, model) DO UPDATE SET"
            + " pinned_version = excluded.pinned_version, granted_by = excluded.granted_by,"
            + " granted_at = excluded.granted_at";
    private static final String LIST = "SELECT tenant_id, model, pinned_version, granted_by, granted_at"
            + " FROM subscription WHERE tenant_id = ? ORDER BY model";
    private static final String ALL = "SELECT tenant_id, model, pinned_version, granted_by, granted_at"
            + " FROM subscription ORDER BY tenant_id, model";
    private static final String FIND = "SELECT tenant_id, model, pinned_version, granted_by, granted_at"
            + " FROM subscription WHERE tenant_id = ? AND model = ?";
    private static final String REVOKE = "DELETE FROM subscription WHERE tenant_id = ? AND model = ?";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Catalog catalog;

    private final QuotaLedger quotas = new QuotaLedger();
    private final Clock clock = Clock.systemUTC();

    @Transactional
    public SubscriptionView grant(String department, NewSubscription request, Caller by) {
        var model = request.model();
        if (catalog.versions(model).isEmpty()) {
            throw new UnknownModelException("the catalog has no model '" + model + "'");
        }
        if (request.version() != null
                && catalog.versions(model).stream()
                        .noneMatch(v -> v.card().version().equals(request.version()))) {
            throw new UnknownModelException("model '" + model + "' has no version '" + request.version() + "'");
        }
        var now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            requireDepartment(connection, department);
            try (var grant = connection.prepareStatement(GRANT)) {
                grant.setObject(1, UUID.randomUUID());
                grant.setString(2, department);
                grant.setString(3, model);
                grant.setString(4, request.version());
                grant.setString(5, by.name());
                grant.setTimestamp(6, Timestamp.from(now));
                grant.executeUpdate();
            }
            audit.append(AuditTrail.by(by)
                    .action("subscription.grant")
                    .resource("tenants/" + department + "/subscriptions/" + model)
                    .outcome("OK", 201)
                    .summary("version " + (request.version() == null ? "all" : request.version()))
                    .build());
            return new SubscriptionView(department, model, request.version(), by.name(), now);
        } catch (SQLException e) {
            throw new LedgerException("could not grant the subscription", e);
        }
    }

    @Transactional
    public boolean revoke(String department, String model, Caller by) {
        try (var connection = dataSource.getConnection()) {
            requireDepartment(connection, department);
            int removed;
            try (var revoke = connection.prepareStatement(REVOKE)) {
                revoke.setString(1, department);
                revoke.setString(2, model);
                removed = revoke.executeUpdate();
            }
            audit.append(AuditTrail.by(by)
                    .action("subscription.revoke")
                    .resource("tenants/" + department + "/subscriptions/" + model)
                    .outcome(removed == 1 ? "OK" : "NOT_FOUND", removed == 1 ? 204 : 404)
                    .build());
            return removed == 1;
        } catch (SQLException e) {
            throw new LedgerException("could not revoke the subscription", e);
        }
    }

    public List<SubscriptionView> list(String department) {
        try (var connection = dataSource.getConnection()) {
            requireDepartment(connection, department);
            try (var list = connection.prepareStatement(LIST)) {
                list.setString(1, department);
                return read(list.executeQuery());
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read the subscriptions", e);
        }
    }

    /** Every department's subscriptions, by department and model: the platform admins' overview. */
    public List<SubscriptionView> all() {
        try (var connection = dataSource.getConnection();
                var all = connection.prepareStatement(ALL)) {
            return read(all.executeQuery());
        } catch (SQLException e) {
            throw new LedgerException("could not read the subscriptions", e);
        }
    }

    /** The department's subscription to the model, if it has one. */
    public Optional<SubscriptionView> find(String department, String model) {
        try (var connection = dataSource.getConnection();
                var find = connection.prepareStatement(FIND)) {
            find.setString(1, department);
            find.setString(2, model);
            return read(find.executeQuery()).stream().findFirst();
        } catch (SQLException e) {
            throw new LedgerException("could not read the subscription", e);
        }
    }

    @Transactional
    public QuotaView setQuota(String department, String model, QuotaLimits limits, Caller by) {
        if (limits.requests() < 0 || limits.rows() < 0) {
            throw new IllegalQuotaException("quota limits cannot be negative");
        }
        var now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            requireDepartment(connection, department);
            quotas.setLimit(
                    connection, department, model, new QuotaLimit(limits.requests(), limits.rows()), by.name(), now);
            var view = quota(connection, department, model);
            audit.append(AuditTrail.by(by)
                    .action("quota.set")
                    .resource("tenants/" + department + "/quotas/" + model)
                    .outcome("OK", 200)
                    .summary("requests " + limits.requests() + ", rows " + limits.rows() + " a month")
                    .build());
            return view;
        } catch (SQLException e) {
            throw new LedgerException("could not set the quota", e);
        }
    }

    /** The department's quota status for every model it subscribes to. */
    public List<QuotaView> quotas(String department) {
        try (var connection = dataSource.getConnection()) {
            var views = new ArrayList<QuotaView>();
            List<SubscriptionView> subscribed;
            try (var list = connection.prepareStatement(LIST)) {
                list.setString(1, department);
                subscribed = read(list.executeQuery());
            }
            for (var subscription : subscribed) {
                views.add(quota(connection, department, subscription.model()));
            }
            return views;
        } catch (SQLException e) {
            throw new LedgerException("could not read the quotas", e);
        }
    }

    /** What the department used of the model this month, and its limits. */
    public QuotaView quota(String department, String model) {
        try (var connection = dataSource.getConnection()) {
            return quota(connection, department, model);
        } catch (SQLException e) {
            throw new LedgerException("could not read the quota", e);
        }
    }

    private QuotaView quota(Connection connection, String department, String model) throws SQLException {
        var status = quotas.status(connection, department, model, clock.instant());
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

    private static void requireDepartment(Connection connection, String department) throws SQLException {
        if (!TenantId.isValid(department)) {
            throw new DepartmentNotFoundException(department);
        }
        try (var find = connection.prepareStatement(DEPARTMENT)) {
            find.setString(1, department);
            try (var result = find.executeQuery()) {
                if (!result.next()) {
                    throw new DepartmentNotFoundException(department);
                }
            }
        }
    }

    private static List<SubscriptionView> read(java.sql.ResultSet result) throws SQLException {
        try (result) {
            var views = new ArrayList<SubscriptionView>();
            while (result.next()) {
                views.add(new SubscriptionView(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        result.getString(4),
                        result.getTimestamp(5).toInstant()));
            }
            return views;
        }
    }
}
