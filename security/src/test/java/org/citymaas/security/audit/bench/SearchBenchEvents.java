package org.citymaas.security.audit.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The search benchmark's events, the same for every run (fixed seed): half a year of traffic from 20
 * departments, mostly inference, with the refusals, failures, batch submissions, sign-ins and
 * administrative changes around it.
 */
final class SearchBenchEvents {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(180);
    static final int DEPARTMENTS = 20;
    static final int USERS = 2_000;
    static final int SERVICES = 100;
    static final int MODELS = 30;
    static final int ADDRESSES = 5_000;

    private final Random random = new Random(12);
    private final long total;

    SearchBenchEvents(long total) {
        this.total = total;
    }

    static TenantId department(int i) {
        return new TenantId("dept-" + i);
    }

    static String user(int i) {
        return "user" + i;
    }

    static String model(int i) {
        return "model-" + i;
    }

    static String address(int i) {
        return "10." + (i / 250) + "." + (i % 250) + ".7";
    }

    /** The event at position {@code i} (0-based) of {@link #total}. */
    AuditEvent event(long i) {
        var at = START.plusMillis(SPAN.toMillis() * i / total + random.nextInt(4_000) - 2_000);
        int dept = random.nextInt(DEPARTMENTS);
        var tenant = random.nextInt(100) == 0 ? null : department(dept);
        boolean service = random.nextInt(10) < 3;
        var actor = service ? "svc-" + random.nextInt(SERVICES) : user(random.nextInt(USERS));
        var model = model(random.nextInt(MODELS));
        var builder = AuditEvent.builder()
                .occurredAt(at)
                .actor(actor, service ? ActorType.SERVICE : ActorType.USER)
                .tenant(tenant)
                .clientAddress(address(random.nextInt(ADDRESSES)));
        int kind = random.nextInt(1000);
        if (kind < 850) {
            builder.action("inference.request")
                    .resource("models/" + model + "/versions/" + (1 + random.nextInt(3)))
                    .requestId("r" + i);
            int o = random.nextInt(100);
            if (o < 92) {
                builder.outcome("OK", 200);
            } else if (o < 96) {
                builder.outcome("REJECTED", o < 94 ? 400 : 429);
            } else if (o < 98) {
                builder.outcome("DENIED", 403);
            } else {
                builder.outcome("FAILED", o < 99 ? 500 : 504);
            }
        } else if (kind < 880) {
            builder.action("batch.submit")
                    .resource("models/" + model + "/batches/b" + i)
                    .requestId("r" + i)
                    .outcome("OK", 202);
        } else if (kind < 910) {
            builder.action("api.get").resource("api/v1/models/" + model).outcome("DENIED", 403);
        } else if (kind < 930) {
            builder.action("api.signin").resource("api/v1/usage").outcome("DENIED", 401);
        } else if (kind < 945) {
            builder.action(random.nextBoolean() ? "subscription.grant" : "subscription.revoke")
                    .resource("tenants/" + department(dept) + "/subscriptions/" + model)
                    .outcome("OK", 201);
        } else if (kind < 960) {
            builder.action("quota.set")
                    .resource("tenants/" + department(dept) + "/quotas/" + model)
                    .outcome("OK", 200);
        } else if (kind < 975) {
            builder.action("statement.issued")
                    .resource("tenants/" + department(dept) + "/statements/2026-11")
                    .outcome("OK", null);
        } else if (kind < 990) {
            builder.action("budget.set")
                    .resource("tenants/" + department(dept) + "/budget")
                    .outcome("OK", 200);
        } else if (kind < 999) {
            builder.action("billing.export")
                    .resource("billing/exports/2026-11/focus.csv")
                    .outcome("OK", 200);
        } else {
            builder.action("department.create")
                    .resource("tenants/" + department(dept))
                    .outcome("OK", 201);
        }
        return builder.build();
    }
}
