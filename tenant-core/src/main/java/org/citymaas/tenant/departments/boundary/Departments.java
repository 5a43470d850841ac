package org.citymaas.tenant.departments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.citymaas.tenant.departments.entity.Department;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;
import org.citymaas.tenant.errors.DuplicateDepartmentException;

/** The departments of the city, each a tenant. */
@ApplicationScoped
@Transactional
public class Departments {

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Writes a department in state PROVISIONING, so its id is taken before anything is created in
     * Keycloak: of two concurrent requests for one id, exactly one gets here.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Department reserve(TenantId tenant, String nameZh, String nameEn) {
        if (find(tenant).isPresent()) {
            throw new DuplicateDepartmentException(tenant);
        }
        var department = Department.provisioning(tenant, nameZh, nameEn, clock.instant());
        em.persist(department);
        em.flush();
        return department;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Department activate(TenantId tenant, String keycloakGroupId, String apiClientId) {
        var department = get(tenant);
        department.activate(keycloakGroupId, apiClientId);
        return department;
    }

    /** Suspends an active department (joins the caller's transaction). */
    public Department suspend(TenantId tenant) {
        var department = get(tenant);
        department.suspend();
        return department;
    }

    /** Reactivates a suspended department (joins the caller's transaction). */
    public Department reactivate(TenantId tenant) {
        var department = get(tenant);
        department.reactivate();
        return department;
    }

    /** Removes a department that never became active (its provisioning failed and was undone). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void abandon(TenantId tenant) {
        find(tenant).ifPresent(em::remove);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Department> find(TenantId tenant) {
        return em.createQuery("SELECT d FROM Department d WHERE d.slug = :slug", Department.class)
                .setParameter("slug", tenant.value())
                .getResultStream()
                .findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Department get(TenantId tenant) {
        return find(tenant).orElseThrow(() -> new DepartmentNotFoundException(tenant));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Department> list() {
        return em.createQuery("SELECT d FROM Department d ORDER BY d.slug", Department.class)
                .getResultList();
    }
}
