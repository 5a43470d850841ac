package org.citymaas.portal.suspension.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.tenant.departments.boundary.Departments;
import org.citymaas.tenant.departments.entity.Department;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class SuspendedDepartmentsTest {

    private static final TenantId PARKS = new TenantId("parks");

    /** One department in memory, counting how often it is read. */
    static final class OneDepartment extends Departments {
        final Department department = Department.provisioning(PARKS, "园林绿化局", "Parks Bureau", Instant.EPOCH);
        final AtomicInteger reads = new AtomicInteger();

        OneDepartment() {
            department.activate("group", "parks-api");
        }

        @Override
        public Optional<Department> find(TenantId tenant) {
            reads.incrementAndGet();
            return tenant.equals(PARKS) ? Optional.of(department) : Optional.empty();
        }
    }

    private static SuspendedDepartments checker(OneDepartment store, String ttl) {
        var checker = new SuspendedDepartments();
        checker.departments = store;
        checker.ttlText = ttl;
        return checker;
    }

    @Test
    void theStatusIsReadAgainOnlyAfterItsTimeToLive() throws InterruptedException {
        var store = new OneDepartment();
        var checker = checker(store, "PT0.2S");

        assertThat(checker.isSuspended(PARKS)).isFalse();
        store.department.suspend();
        assertThat(checker.isSuspended(PARKS))
                .as("still the reading of less than 0.2 s ago")
                .isFalse();
        assertThat(store.reads).hasValue(1);

        Thread.sleep(300);
        assertThat(checker.isSuspended(PARKS)).isTrue();
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aChangeOnThisInstanceIsSeenAtOnce() {
        var store = new OneDepartment();
        var checker = checker(store, "PT1H");

        assertThat(checker.isSuspended(PARKS)).isFalse();
        store.department.suspend();
        checker.forget(PARKS);
        assertThat(checker.isSuspended(PARKS)).isTrue();
        assertThat(checker.isSuspended(new TenantId("roads")))
                .as("an unknown department")
                .isFalse();
    }
}
