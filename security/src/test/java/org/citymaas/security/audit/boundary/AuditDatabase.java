package org.citymaas.security.audit.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.citymaas.db.migration.Migrations;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.tenant.departments.entity.TenantId;

/** A throw-away PostgreSQL with the CityMaaS schema, the app role's view of it and an insider's. */
final class AuditDatabase implements AutoCloseable {

    private final EmbeddedDatabase db = EmbeddedDatabase.startTemporary();

    AuditDatabase() {
        Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE);
    }

    /** Connections as the application's role, as the portal connects. */
    DataSource app() {
        return db.dataSource(Migrations.DEFAULT_APP_ROLE);
    }

    DataSource owner() {
        return db.ownerDataSource();
    }

    /** A superuser connection with the append-only triggers off, as an insider would open it. */
    Connection insider() throws SQLException {
        var connection = db.ownerDataSource().getConnection();
        try (var s = connection.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        return connection;
    }

    /** Empties the log, as only an insider could, so the next test starts a new chain. */
    void reset() throws SQLException {
        try (var c = insider();
                var s = c.createStatement()) {
            s.execute("DELETE FROM audit_event");
            s.execute("DELETE FROM audit_checkpoint");
            s.execute("DELETE FROM audit_removal");
        }
    }

    long count(String sql) throws SQLException {
        try (var c = owner().getConnection();
                var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static AuditEvent event(String requestId) {
        return AuditEvent.builder()
                .occurredAt(Instant.now())
                .actor("zhang.wei", ActorType.USER)
                .tenant(new TenantId("transport"))
                .action("inference.request")
                .resource("models/traffic-flow/versions/3")
                .outcome("OK", 200)
                .clientAddress("10.1.2.3")
                .requestId(requestId)
                .digests(AuditEvent.digest(requestId.getBytes()), AuditEvent.digest(new byte[0]))
                .summary("rows=1 fields masked: [PHONE]")
                .build();
    }

    @Override
    public void close() {
        db.close();
    }
}
