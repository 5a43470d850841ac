package org.citymaas.portal.configuration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.security.audit.boundary.AuditCheckpoints;
import org.citymaas.security.audit.boundary.AuditEvidence;
import org.citymaas.security.audit.boundary.AuditExports;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.boundary.CheckpointSink;
import org.citymaas.security.provisioning.boundary.ImportMarks;
import org.citymaas.security.signing.boundary.DocumentSignatures;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security's audit boundaries are plain classes on a data source (so that the offline verifier and
 * the module's tests use them without a container); here they get the container's data source, whose
 * connections join the caller's JTA transaction, and the key directory ({@code
 * citymaas.audit.key-directory}, required and shared by every portal instance).
 */
@ApplicationScoped
public class AuditSetup {

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "citymaas.audit.key-directory")
    String keyDirectory;

    @Produces
    @Singleton
    AuditLog auditLog() {
        return new AuditLog(dataSource);
    }

    @Inject
    @ConfigProperty(name = "citymaas.audit.published-directory")
    Optional<String> publishedDirectory;

    /**
     * Signs checkpoints with the key in {@code citymaas.audit.key-directory} and publishes each to
     * {@code citymaas.audit.published-directory} (default: {@code published-checkpoints} beside the
     * key directory), outside the database, so that deleting the newest events is caught.
     */
    @Produces
    @Singleton
    AuditCheckpoints auditCheckpoints() {
        var keys = Path.of(keyDirectory).toAbsolutePath();
        var published = publishedDirectory
                .filter(d -> !d.isBlank())
                .map(Path::of)
                .orElseGet(() -> keys.resolveSibling("published-checkpoints"));
        return new AuditCheckpoints(dataSource, keys, CheckpointSink.directory(published));
    }

    /** Signs the finance exports: a key of their own, kept beside the audit key. */
    @Produces
    @Singleton
    FinanceExports financeExports() {
        return new FinanceExports(new DocumentSignatures(Path.of(keyDirectory)));
    }

    /** Exports of the audit log's events with manifests signed by the checkpoint key. */
    @Produces
    @Singleton
    AuditExports auditExports(AuditCheckpoints checkpoints) {
        return new AuditExports(dataSource, checkpoints);
    }

    /** How far the import of Keycloak's failed sign-ins has come, in the portal's database. */
    @Produces
    @Singleton
    ImportMarks importMarks() {
        return new ImportMarks(dataSource);
    }

    /** Verifies the chain against this instance's own checkpoint key. */
    @Produces
    @Singleton
    AuditEvidence auditEvidence(AuditCheckpoints checkpoints) {
        return new AuditEvidence(dataSource, checkpoints);
    }
}
