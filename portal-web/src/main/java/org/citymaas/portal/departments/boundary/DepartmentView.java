package org.citymaas.portal.departments.boundary;

import java.time.Instant;
import org.citymaas.tenant.departments.entity.Department;

/** A department as the API shows it. */
public record DepartmentView(
        String id, String nameZh, String nameEn, String status, String apiClientId, Instant createdAt) {

    public static DepartmentView of(Department department) {
        return new DepartmentView(
                department.tenantId().value(),
                department.nameZh(),
                department.nameEn(),
                department.status().name(),
                department.apiClientId().orElse(null),
                department.createdAt());
    }
}
