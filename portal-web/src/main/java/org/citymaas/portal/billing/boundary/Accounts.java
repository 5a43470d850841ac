package org.citymaas.portal.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.citymaas.billing.statements.boundary.BillingAccounts;
import org.citymaas.billing.statements.entity.AccountSettings;
import org.citymaas.billing.statements.entity.BillingAccount;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.DepartmentStatus;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.errors.DepartmentNotFoundException;

/**
 * Who is billed: each department's billing account (its names from tenant-core, its cost centre and
 * budget holder from billing), and which department's bills a caller may see. A tenant admin sees
 * their own department's; platform admins and the finance bureau see every department's and name
 * the one they want.
 */
@ApplicationScoped
public class Accounts {

    /** What a statement shows for a cost centre or budget holder nobody has set yet. */
    public static final String UNASSIGNED = "未设置 (unassigned)";

    @Inject
    BillingAccounts settings;

    @Inject
    Departments departments;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Whether the caller sees every department's bills. */
    public static boolean seesEveryDepartment(Caller caller) {
        return caller.has(Role.PLATFORM_ADMIN) || caller.has(Role.FINANCE);
    }

    /**
     * The department whose bills the caller asked for (as they named it, if they did), if they may
     * see them.
     *
     * @throws DepartmentNotFoundException another department (for a tenant admin), or an unknown one
     * @throws InvalidParameterException a platform admin or the finance bureau named none
     */
    public TenantId visible(Caller caller, String requested) {
        var wanted = requested == null || requested.isBlank() ? null : requested.strip();
        if (!seesEveryDepartment(caller)) {
            var own = caller.tenant();
            if (own == null || !caller.has(Role.TENANT_ADMIN) || (wanted != null && !wanted.equals(own.value()))) {
                throw DepartmentNotFoundException.named(wanted == null ? "(none)" : wanted);
            }
            return own;
        }
        if (wanted == null) {
            throw new InvalidParameterException("department", "name the department whose bills to show");
        }
        var tenant = DepartmentIds.parse(wanted);
        if (departments.find(tenant).isEmpty()) {
            throw new DepartmentNotFoundException(tenant);
        }
        return tenant;
    }

    /** The department's billing account: names as tenant-core has them, cost centre and budget holder as set. */
    public BillingAccount account(TenantId tenant) {
        var department = departments.get(tenant);
        return settings.find(tenant)
                .map(s -> s.named(department.nameZh(), department.nameEn()))
                .orElseGet(() ->
                        new BillingAccount(tenant, department.nameZh(), department.nameEn(), UNASSIGNED, UNASSIGNED));
    }

    /** Every active department's billing account, by department. */
    public List<BillingAccount> all() {
        return departments.list().stream()
                .filter(d -> d.status() == DepartmentStatus.ACTIVE)
                .map(d -> account(d.tenantId()))
                .toList();
    }

    /**
     * A platform admin sets the department's cost centre and budget holder.
     *
     * @throws InvalidParameterException a blank or too long value
     */
    @Transactional
    public BillingAccount set(Caller caller, String department, String costCentre, String budgetHolder) {
        var tenant = visible(caller, department);
        AccountSettings account;
        try {
            account =
                    new AccountSettings(tenant, strip(costCentre), strip(budgetHolder), caller.name(), clock.instant());
        } catch (IllegalArgumentException e) {
            var field = e.getMessage().contains("cost centre") ? "costCentre" : "budgetHolder";
            throw new InvalidParameterException(field, e.getMessage());
        }
        settings.set(account);
        audit.append(AuditTrail.by(caller)
                .action("billing-account.set")
                .resource("tenants/" + tenant + "/billing-account")
                .outcome("OK", 200)
                .summary("cost centre and budget holder set (values not audited)")
                .build());
        return account(tenant);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
