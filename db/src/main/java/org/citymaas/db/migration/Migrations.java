package org.citymaas.db.migration;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current CityMaaS schema. The schema belongs to these migrations alone:
 * Hibernate never creates or alters tables. Migrations run as the schema owner and grant the
 * application's role only what it needs (the audit tables are insert-only for it).
 */
public final class Migrations {

    /** The database role the portal connects as, unless configured otherwise. */
    public static final String DEFAULT_APP_ROLE = "citymaas_app";

    private Migrations() {}

    /**
     * Applies pending migrations and returns how many ran.
     *
     * @param withDemoData also load the demo departments (dev run and tests, never production)
     */
    public static int migrate(DataSource ownerDataSource, String appRole, boolean withDemoData) {
        MigrateResult result = flyway(ownerDataSource, appRole, withDemoData).migrate();
        return result.migrationsExecuted;
    }

    /** The schema migrations only, no demo data. */
    public static int migrate(DataSource ownerDataSource, String appRole) {
        return migrate(ownerDataSource, appRole, false);
    }

    private static Flyway flyway(DataSource ownerDataSource, String appRole, boolean withDemoData) {
        if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL role name: " + appRole);
        }
        var locations = withDemoData
                ? new String[] {"classpath:db/migration", "classpath:db/demo"}
                : new String[] {"classpath:db/migration"};
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ownerDataSource)
                .locations(locations)
                .placeholders(Map.of("appRole", appRole))
                .load();
    }
}
