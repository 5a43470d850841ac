package org.citymaas.portal.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import org.citymaas.db.migration.Migrations;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application's data source (connecting as the application's role) and, at start, the schema
 * migrations (as the schema owner) followed by a check that the entities match the schema.
 *
 * <p>Payara resolves these {@code MPCONFIG} values before the application's own configuration file
 * is read, so they come from system properties or environment variables (CITYMAAS_DB_URL, ...).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/citymaas",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=citymaas.db.url}",
        user = "${MPCONFIG=citymaas.db.user}",
        password = "${MPCONFIG=citymaas.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSetup {

    private static final Logger LOG = Logger.getLogger(DatabaseSetup.class.getName());

    /** Set once the migrations ran and the mapping validated: readiness waits for it. */
    private static volatile boolean migrated;

    @Inject
    @ConfigProperty(name = "citymaas.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "citymaas.db.user", defaultValue = Migrations.DEFAULT_APP_ROLE)
    String appRole;

    @Inject
    @ConfigProperty(name = "citymaas.db.owner.user")
    String ownerUser;

    @Inject
    @ConfigProperty(name = "citymaas.db.owner.password")
    String ownerPassword;

    @Inject
    @ConfigProperty(name = "citymaas.demo", defaultValue = "false")
    boolean demo;

    @PersistenceUnit(unitName = "citymaas")
    EntityManagerFactory emf;

    @PostConstruct
    void migrateAndValidate() {
        var owner = new PGSimpleDataSource();
        owner.setUrl(url);
        owner.setUser(ownerUser);
        owner.setPassword(ownerPassword);
        var started = System.nanoTime();
        var applied = Migrations.migrate(owner, appRole, demo);
        // Hibernate built its SessionFactory before this bean ran, so it validates only now
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        migrated = true;
        LOG.info(() -> "database ready: " + applied + " migrations applied" + (demo ? " with demo data" : "")
                + ", mapping validated in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Whether this deployment's schema migrations have run and the entities match the schema. */
    public static boolean migrated() {
        return migrated;
    }
}
