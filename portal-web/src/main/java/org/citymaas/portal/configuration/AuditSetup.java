package org.citymaas.portal.configuration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.security.audit.boundary.AuditCheckpoints;
import org.citymaas.security.audit.boundary.AuditEvidence;
import org.citymaas.security.audit.boundary.AuditExports;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.boundary.AuditRetention;
import org.citymaas.security.audit.boundary.CheckpointSink;
import org.citymaas.security.audit.boundary.CompliancePack;
import org.citymaas.security.audit.entity.RetentionPolicy;
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

    @Inject
    @ConfigProperty(name = "citymaas.audit.retention", defaultValue = "default=184")
    String retention;

    @Inject
    @ConfigProperty(name = "citymaas.audit.archive-directory")
    Optional<String> archiveDirectory;

    /**
     * Removes the chain's expired prefix, archived first as a verified bundle: periods per action
     * category from {@code citymaas.audit.retention} ({@code default=184, signin*=365}; at least 180
     * days each, six months by China's Cybersecurity Law), archives in {@code
     * citymaas.audit.archive-directory} (default {@code audit-archive} beside the key directory).
     */
    @Produces
    @Singleton
    AuditRetention auditRetention(AuditCheckpoints checkpoints) {
        return new AuditRetention(dataSource, checkpoints, RetentionPolicy.parse(retention));
    }

    /** Where the retention run writes the archived bundles. */
    @Produces
    @Named("auditArchiveDirectory")
    Path auditArchiveDirectory() {
        return archiveDirectory
                .filter(d -> !d.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(keyDirectory).toAbsolutePath().resolveSibling("audit-archive"));
    }

    /** The compliance pack: the MLPS 2.0 level 3 audit mapping with signed evidence. */
    @Produces
    @Singleton
    CompliancePack compliancePack(AuditCheckpoints checkpoints) {
        return new CompliancePack(dataSource, checkpoints);
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
