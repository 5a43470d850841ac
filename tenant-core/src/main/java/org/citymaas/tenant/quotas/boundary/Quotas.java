package org.citymaas.tenant.quotas.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.errors.TenantStorageException;
import org.citymaas.tenant.quotas.control.QuotaLedger;
import org.citymaas.tenant.quotas.entity.ModelQuota;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.citymaas.tenant.quotas.entity.QuotaStatus;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.citymaas.tenant.subscriptions.boundary.ModelSubscriptions;

/**
 * Departments' monthly quotas per model: reserve before a model runs, settle or release after, and
 * the limits platform admins set. Every change joins the caller's transaction, so that the inference
 * path commits the settlement with its usage and audit events; with none open, each runs in its own.
 */
@ApplicationScoped
@Transactional
public class Quotas {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    Departments departments;

    @Inject
    ModelSubscriptions subscriptions;

    private final QuotaLedger ledger = new QuotaLedger();
    private final Clock clock = Clock.systemUTC();

    /**
     * Takes one request and {@code rows} rows from the month's quota that {@code now} falls in.
     *
     * @throws QuotaExceededException a limit would be passed; nothing was taken
     */
    public Reservation reserve(TenantId tenant, String model, long rows, Instant now) {
        try (var connection = dataSource.getConnection()) {
            return ledger.reserve(connection, tenant, model, rows, now);
        } catch (SQLException e) {
            throw new TenantStorageException("could not reserve quota", e);
        }
    }

    /**
     * Takes several requests at once, each with its rows (e.g. the lines of a batch chunk), all or
     * nothing; each is its own reservation afterwards, settled or released on its own.
     *
     * @throws QuotaExceededException the limits do not hold them all; nothing was taken
     */
    public List<Reservation> reserveEach(TenantId tenant, String model, List<Long> rows, Instant now) {
        try (var connection = dataSource.getConnection()) {
            return ledger.reserveEach(connection, tenant, model, rows, now);
        } catch (SQLException e) {
            throw new TenantStorageException("could not reserve quota", e);
        }
    }

    /** Settles a reservation at the rows really processed (at most the rows reserved). */
    public void settle(Reservation reservation, long actualRows) {
        try (var connection = dataSource.getConnection()) {
            ledger.settle(connection, reservation, actualRows);
        } catch (SQLException e) {
            throw new TenantStorageException("could not settle the quota reservation", e);
        }
    }

    /** Gives a reservation back in full. */
    public void release(Reservation reservation) {
        try (var connection = dataSource.getConnection()) {
            ledger.release(connection, reservation);
        } catch (SQLException e) {
            throw new TenantStorageException("could not release the quota reservation", e);
        }
    }

    /**
     * Sets (or replaces) the department's monthly limits for the model.
     *
     * @return this month's status under the new limits
     * @throws DepartmentNotFoundException no such department
     */
    public QuotaStatus setLimit(TenantId tenant, String model, QuotaLimit limit, String changedBy) {
        departments.get(tenant);
        try (var connection = dataSource.getConnection()) {
            ledger.setLimit(connection, tenant, model, limit, changedBy, clock.instant());
            return ledger.status(connection, tenant, model, clock.instant());
        } catch (SQLException e) {
            throw new TenantStorageException("could not set the quota", e);
        }
    }

    /** What the department used of the model this month, and its limits. */
    @Transactional(TxType.SUPPORTS)
    public QuotaStatus status(TenantId tenant, String model) {
        try (var connection = dataSource.getConnection()) {
            return ledger.status(connection, tenant, model, clock.instant());
        } catch (SQLException e) {
            throw new TenantStorageException("could not read the quota", e);
        }
    }

    /** The department's status for every model it subscribes to, by model (none for an unknown one). */
    @Transactional(TxType.SUPPORTS)
    public List<ModelQuota> subscribed(TenantId tenant) {
        var subscribed = subscriptions.subscribed(tenant);
        var now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            var quotas = new ArrayList<ModelQuota>();
            for (var subscription : subscribed) {
                var model = subscription.model();
                quotas.add(new ModelQuota(model, ledger.status(connection, tenant, model, now)));
            }
            return quotas;
        } catch (SQLException e) {
            throw new TenantStorageException("could not read the quotas", e);
        }
    }
}
