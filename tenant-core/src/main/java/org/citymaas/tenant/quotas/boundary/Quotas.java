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
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.errors.TenantStorageException;
import org.citymaas.tenant.quotas.control.QuotaLedger;
import org.citymaas.tenant.quotas.entity.ModelQuota;
import org.citymaas.tenant.quotas.entity.QuotaLimit;
import org.citymaas.tenant.quotas.entity.QuotaSettlement;
import org.citymaas.tenant.quotas.entity.QuotaStatus;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.citymaas.tenant.subscriptions.boundary.ModelSubscriptions;

/**
 * Departments' monthly quotas per model: reserve before a model runs, settle or release after, and
 * the limits platform admins set. Every change joins the caller's transaction, so that the inference
 * path commits the settlement with its usage and audit events; with none open, each runs in its own.
 *
 * <p>Reservations are served from this instance's quota lease when it has one ({@link QuotaLeases}):
 * in memory, no database round trip; the settlement then moves the amount from the lease to "used".
 * Near the limit, and when leasing is off, a reservation is one conditional UPDATE as before, plus one
 * row naming this instance (V24 {@code quota_reservation}) that expires unless its heartbeat renews it,
 * so that a dead instance's exact reservations come back too.
 * Any reservation, leased or exact, can be settled or released by these methods.
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

    @Inject
    QuotaLeases leases;

    private final QuotaLedger ledger = new QuotaLedger();
    private final Clock clock = Clock.systemUTC();

    /**
     * Takes one request and {@code rows} rows from the month's quota that {@code now} falls in: from this
     * instance's lease, else exactly in the caller's transaction.
     *
     * @throws QuotaExceededException a limit would be passed; nothing was taken
     */
    public Reservation reserve(TenantId tenant, String model, long rows, Instant now) {
        var leased = leases.holder().fromLease(tenant, model, rows, now);
        if (leased != null) {
            return leased;
        }
        try (var connection = dataSource.getConnection()) {
            return leases.holder().reserveExactly(connection, tenant, model, rows, now);
        } catch (SQLException e) {
            throw new TenantStorageException("could not reserve quota", e);
        }
    }

    /**
     * Serves one request and {@code rows} rows from this instance's quota lease, without joining or
     * starting a transaction (a new block is leased in a transaction of its own).
     *
     * @return the reservation, or empty when it must be reserved exactly ({@link #reserve})
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<Reservation> fromLease(TenantId tenant, String model, long rows, Instant now) {
        return Optional.ofNullable(leases.holder().fromLease(tenant, model, rows, now));
    }

    /**
     * Takes several requests at once, each with its rows (e.g. the lines of a batch chunk), all or
     * nothing; each is its own reservation afterwards, settled or released on its own.
     *
     * @throws QuotaExceededException the limits do not hold them all; nothing was taken
     */
    public List<Reservation> reserveEach(TenantId tenant, String model, List<Long> rows, Instant now) {
        try (var connection = dataSource.getConnection()) {
            return leases.holder().reserveEachExactly(connection, tenant, model, rows, now);
        } catch (SQLException e) {
            throw new TenantStorageException("could not reserve quota", e);
        }
    }

    /**
     * Settles a reservation at the rows really processed (at most the rows reserved).
     *
     * @throws QuotaExceededException a leased reservation whose lease was lost (expired, or dropped by a
     *     limit change) no longer fits the limit; nothing was settled: the caller must not charge it
     */
    public void settle(Reservation reservation, long actualRows) {
        settleAll(List.of(new QuotaSettlement(reservation, actualRows)));
    }

    /**
     * Settles reservations together (the leased ones of a lease in three statements, however many): what a group commit of completions
     * does.
     *
     * @throws QuotaExceededException as {@link #settle}; the transaction must then be rolled back
     */
    public void settleAll(List<QuotaSettlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        try (var connection = dataSource.getConnection()) {
            leases.holder().settle(connection, settlements);
        } catch (SQLException e) {
            throw new TenantStorageException("could not settle the quota reservation", e);
        }
    }

    /** Gives a reservation back in full (to this instance's lease, in memory, when it was served from it). */
    public void release(Reservation reservation) {
        if (reservation.leased()) {
            try {
                leases.holder().release(null, reservation);
            } catch (SQLException e) {
                throw new IllegalStateException(e); // a leased release touches no database
            }
            return;
        }
        try (var connection = dataSource.getConnection()) {
            leases.holder().release(connection, reservation);
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
            // leases were sized for the old limit: drop them, the next reservations lease anew
            leases.holder().dropLeases(connection, tenant, model);
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
