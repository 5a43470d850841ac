package org.citymaas.tenant.quotas.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.citymaas.tenant.errors.TenantStorageException;
import org.citymaas.tenant.quotas.control.LeaseHolder;

/**
 * Runs lease work in a transaction of its own, committed before it returns: an instance may serve from
 * a block only once the block's lease is durable, whatever the caller's transaction does later.
 */
@ApplicationScoped
public class QuotaTransactions {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Transactional(TxType.REQUIRES_NEW)
    public <T> T inNew(LeaseHolder.SqlWork<T> work) {
        try (var connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new TenantStorageException("could not lease quota", e);
        }
    }
}
