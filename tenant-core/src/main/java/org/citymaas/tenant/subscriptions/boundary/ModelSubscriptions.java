package org.citymaas.tenant.subscriptions.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.errors.TenantStorageException;
import org.citymaas.tenant.subscriptions.control.SubscriptionCache;
import org.citymaas.tenant.subscriptions.control.SubscriptionChanges;
import org.citymaas.tenant.subscriptions.entity.Subscription;

/**
 * Which department may run which catalog model (table {@code subscription}). Changes join the
 * caller's transaction, so that a use case commits them together with its audit event; whether the
 * model exists is the caller's to check (the catalog is not tenant-core's).
 *
 * <p>{@link #find} answers from a cache ({@link SubscriptionCache}), since every governed request asks it: a grant or a
 * revocation announces itself in its own transaction ({@link SubscriptionChanges}), so that each instance forgets the
 * subscription the moment the change commits; while an instance cannot hear changes, it reads the database.
 */
@ApplicationScoped
@Transactional
public class ModelSubscriptions {

    private static final String GRANT = "INSERT INTO subscription (id, tenant_id, model, pinned_version, granted_by,"
            + " granted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, model) DO UPDATE SET"
            + " pinned_version = excluded.pinned_version, granted_by = excluded.granted_by,"
            + " granted_at = excluded.granted_at";
    private static final String COLUMNS = "SELECT tenant_id, model, pinned_version, granted_by, granted_at";
    private static final String LIST = COLUMNS + " FROM subscription WHERE tenant_id = ? ORDER BY model";
    private static final String ALL = COLUMNS + " FROM subscription ORDER BY tenant_id, model";
    private static final String FIND = COLUMNS + " FROM subscription WHERE tenant_id = ? AND model = ?";
    private static final String REVOKE = "DELETE FROM subscription WHERE tenant_id = ? AND model = ?";

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    Departments departments;

    @Resource
    ManagedThreadFactory threads;

    private final Clock clock = Clock.systemUTC();
    private SubscriptionChanges changes;
    private SubscriptionCache cache;

    @PostConstruct
    void listen() {
        changes = new SubscriptionChanges(dataSource, change -> cache.changed(change));
        cache = new SubscriptionCache(changes::listening, clock);
        changes.start(threads);
    }

    @PreDestroy
    void stopListening() {
        changes.stop();
    }

    /**
     * Subscribes the department to the model, every version or only {@code pinnedVersion}; a second
     * grant replaces the first one's pin.
     *
     * @throws DepartmentNotFoundException no such department
     */
    public Subscription grant(TenantId tenant, String model, String pinnedVersion, String grantedBy) {
        departments.get(tenant);
        var subscription = new Subscription(tenant, model, pinnedVersion, grantedBy, clock.instant());
        try (var connection = dataSource.getConnection();
                var grant = connection.prepareStatement(GRANT)) {
            grant.setObject(1, UUID.randomUUID());
            grant.setString(2, tenant.value());
            grant.setString(3, model);
            grant.setString(4, pinnedVersion);
            grant.setString(5, grantedBy);
            grant.setTimestamp(6, Timestamp.from(subscription.grantedAt()));
            grant.executeUpdate();
            announce(connection, tenant, model);
            return subscription;
        } catch (SQLException e) {
            throw new TenantStorageException("could not grant the subscription", e);
        }
    }

    /**
     * Ends the department's subscription to the model.
     *
     * @return false when it had none
     * @throws DepartmentNotFoundException no such department
     */
    public boolean revoke(TenantId tenant, String model) {
        departments.get(tenant);
        try (var connection = dataSource.getConnection();
                var revoke = connection.prepareStatement(REVOKE)) {
            revoke.setString(1, tenant.value());
            revoke.setString(2, model);
            boolean revoked = revoke.executeUpdate() == 1;
            announce(connection, tenant, model);
            return revoked;
        } catch (SQLException e) {
            throw new TenantStorageException("could not revoke the subscription", e);
        }
    }

    /**
     * The department's subscriptions, by model.
     *
     * @throws DepartmentNotFoundException no such department
     */
    @Transactional(TxType.SUPPORTS)
    public List<Subscription> list(TenantId tenant) {
        departments.get(tenant);
        return subscribed(tenant);
    }

    /** The department's subscriptions, by model; none for a department that does not exist. */
    @Transactional(TxType.SUPPORTS)
    public List<Subscription> subscribed(TenantId tenant) {
        try (var connection = dataSource.getConnection();
                var list = connection.prepareStatement(LIST)) {
            list.setString(1, tenant.value());
            return read(list.executeQuery());
        } catch (SQLException e) {
            throw new TenantStorageException("could not read the subscriptions", e);
        }
    }

    /** Every department's subscriptions, by department and model: the platform admins' overview. */
    @Transactional(TxType.SUPPORTS)
    public List<Subscription> all() {
        try (var connection = dataSource.getConnection();
                var all = connection.prepareStatement(ALL)) {
            return read(all.executeQuery());
        } catch (SQLException e) {
            throw new TenantStorageException("could not read the subscriptions", e);
        }
    }

    /** The department's subscription to the model, if it has one. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Subscription> find(TenantId tenant, String model) {
        return cache.get(tenant, model, () -> read(tenant, model));
    }

    /**
     * Tells every instance, when the transaction commits, that the subscription changed; and this one at once (a read
     * before the commit may cache the old row again: the notification after the commit takes it out).
     */
    private void announce(Connection connection, TenantId tenant, String model) throws SQLException {
        var change = new SubscriptionChanges.Change(tenant, model);
        try (var notify = connection.prepareStatement(SubscriptionChanges.NOTIFY)) {
            notify.setString(1, change.payload());
            notify.execute();
        }
        cache.changed(Optional.of(change));
    }

    private Optional<Subscription> read(TenantId tenant, String model) {
        try (var connection = dataSource.getConnection();
                var find = connection.prepareStatement(FIND)) {
            find.setString(1, tenant.value());
            find.setString(2, model);
            return read(find.executeQuery()).stream().findFirst();
        } catch (SQLException e) {
            throw new TenantStorageException("could not read the subscription", e);
        }
    }

    private static List<Subscription> read(ResultSet result) throws SQLException {
        try (result) {
            var subscriptions = new ArrayList<Subscription>();
            while (result.next()) {
                subscriptions.add(new Subscription(
                        new TenantId(result.getString(1)),
                        result.getString(2),
                        result.getString(3),
                        result.getString(4),
                        result.getTimestamp(5).toInstant()));
            }
            return subscriptions;
        }
    }
}
