package org.citymaas.portal.suspension.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.boundary.BatchJobs;
import org.citymaas.portal.batch.boundary.BatchRunner;
import org.citymaas.portal.departments.boundary.DepartmentView;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * Platform admins suspend and reactivate departments. The status change and its audit event commit together. A
 * suspended department's members and clients are refused at request time ({@link SuspendedDepartments}); its batch
 * jobs stop before their next line and resume when it is reactivated.
 */
@ApplicationScoped
public class Suspensions {

    private static final Logger LOG = Logger.getLogger(Suspensions.class.getName());

    @Inject
    Departments departments;

    @Inject
    SuspendedDepartments suspended;

    @Inject
    AuditTrail audit;

    @Inject
    BatchJobs jobs;

    @Inject
    BatchRunner runner;

    @Transactional
    public DepartmentView suspend(TenantId tenant, Caller by) {
        var department = departments.suspend(tenant);
        audit.append(AuditTrail.by(by)
                .tenant(tenant)
                .action("department.suspend")
                .resource("tenants/" + tenant)
                .outcome("OK", 200)
                .summary("suspended: members and clients refused, batch jobs paused")
                .build());
        suspended.forget(tenant);
        return DepartmentView.of(department);
    }

    @Transactional
    public DepartmentView reactivate(TenantId tenant, Caller by) {
        var department = departments.reactivate(tenant);
        audit.append(AuditTrail.by(by)
                .tenant(tenant)
                .action("department.reactivate")
                .resource("tenants/" + tenant)
                .outcome("OK", 200)
                .summary("reactivated: batch jobs resumed")
                .build());
        suspended.forget(tenant);
        return DepartmentView.of(department);
    }

    /** Starts the department's unfinished batch jobs again (after a reactivation has committed). */
    public void resumeBatches(TenantId tenant) {
        suspended.forget(tenant);
        for (var job : jobs.unfinished()) {
            if (job.tenant().equals(tenant)) {
                LOG.info(() -> "resuming batch " + job.id() + " of reactivated department " + tenant);
                runner.start(job, null);
            }
        }
    }
}
