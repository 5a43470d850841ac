package org.citymaas.tenant.departments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.citymaas.tenant.errors.DepartmentStateException;
import org.junit.jupiter.api.Test;

class DepartmentSuspensionTest {

    private static Department active() {
        var department = Department.provisioning(new TenantId("parks"), "园林绿化局", "Parks Bureau", Instant.EPOCH);
        department.activate("group-id", "parks-api");
        return department;
    }

    @Test
    void anActiveDepartmentIsSuspendedAndReactivated() {
        var department = active();

        department.suspend();
        assertThat(department.status()).isEqualTo(DepartmentStatus.SUSPENDED);
        department.reactivate();
        assertThat(department.status()).isEqualTo(DepartmentStatus.ACTIVE);
    }

    @Test
    void onlyAnActiveDepartmentIsSuspendedAndOnlyASuspendedOneReactivated() {
        var department = active();
        assertThatThrownBy(department::reactivate)
                .isInstanceOf(DepartmentStateException.class)
                .hasMessageContaining("not SUSPENDED");
        department.suspend();
        assertThatThrownBy(department::suspend)
                .isInstanceOf(DepartmentStateException.class)
                .hasMessageContaining("not ACTIVE");
        var provisioning = Department.provisioning(new TenantId("roads"), "公路局", "Roads", Instant.EPOCH);
        assertThatThrownBy(provisioning::suspend).isInstanceOf(DepartmentStateException.class);
        assertThat(provisioning.status()).isEqualTo(DepartmentStatus.PROVISIONING);
    }
}
