package org.citymaas.portal.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * PostgreSQL advisory locks that end with the caller's transaction, for work that portal instances
 * sharing the database must take turns at. Taken through the persistence context, so on the same
 * connection (and transaction) as the caller's JPA statements. Call it inside a transaction.
 */
@ApplicationScoped
public class DatabaseLocks {

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    /**
     * Takes the lock {@code key} until the current transaction ends.
     *
     * @param wait whether to wait while another transaction holds it
     * @return whether it is now held (always true when waiting)
     */
    public boolean lockForTransaction(long key, boolean wait) {
        var sql = wait ? "SELECT true FROM pg_advisory_xact_lock(?1)" : "SELECT pg_try_advisory_xact_lock(?1)";
        return (Boolean) em.createNativeQuery(sql).setParameter(1, key).getSingleResult();
    }
}
