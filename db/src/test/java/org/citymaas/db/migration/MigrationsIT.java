package org.citymaas.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.citymaas.db.embedded.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

class MigrationsIT {

    @Test
    void migratesAnEmptyDatabaseAndGivesTheAppRoleOnlyWhatItNeeds() throws Exception {
        try (var db = EmbeddedDatabase.startTemporary()) {
            assertThat(Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true))
                    .isGreaterThan(0);
            assertThat(Migrations.migrate(db.ownerDataSource(), Migrations.DEFAULT_APP_ROLE, true))
                    .as("a second run has nothing left to do")
                    .isZero();

            try (var app = db.dataSource(Migrations.DEFAULT_APP_ROLE).getConnection();
                    var rows = app.createStatement()
                            .executeQuery("SELECT name_zh FROM department WHERE slug = 'transport'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("交通运输局");
                assertThatThrownBy(() -> app.createStatement().execute("DROP TABLE member"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("must be owner");
            }
        }
    }

    @Test
    void rejectsARoleNameThatIsNotAPlainIdentifier() {
        try (var db = EmbeddedDatabase.startTemporary()) {
            assertThatThrownBy(() -> Migrations.migrate(db.ownerDataSource(), "app; DROP TABLE x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
