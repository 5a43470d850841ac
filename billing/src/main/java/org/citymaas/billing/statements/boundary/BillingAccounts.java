package org.citymaas.billing.statements.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.billing.errors.BillingException;
import org.citymaas.billing.statements.control.AccountStore;
import org.citymaas.billing.statements.entity.AccountSettings;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The departments' billing accounts: cost centre and budget holder, set by a platform admin (joining
 * the caller's transaction). Department names are not kept here: join them with
 * {@link AccountSettings#named} from tenant-core's departments.
 */
@ApplicationScoped
@Transactional
public class BillingAccounts {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    private final AccountStore store = new AccountStore();

    /** Sets (or replaces) the department's cost centre and budget holder. */
    public void set(AccountSettings settings) {
        try (var connection = dataSource.getConnection()) {
            store.set(connection, settings);
        } catch (SQLException e) {
            throw new BillingException(
                    "could not store the billing account of "
                            + settings.tenant().value(),
                    e);
        }
    }

    /** The department's cost centre and budget holder, if set. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AccountSettings> find(TenantId tenant) {
        try (var connection = dataSource.getConnection()) {
            return store.find(connection, tenant);
        } catch (SQLException e) {
            throw new BillingException("could not read the billing account of " + tenant.value(), e);
        }
    }

    /** Every department's cost centre and budget holder, by department. */
    @Transactional(TxType.SUPPORTS)
    public List<AccountSettings> all() {
        try (var connection = dataSource.getConnection()) {
            return store.all(connection);
        } catch (SQLException e) {
            throw new BillingException("could not read the billing accounts", e);
        }
    }
}
