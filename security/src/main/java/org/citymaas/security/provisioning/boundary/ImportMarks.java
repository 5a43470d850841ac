package org.citymaas.security.provisioning.boundary;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.citymaas.security.provisioning.entity.ImportMark;

/**
 * How far the import of Keycloak's failed sign-ins into the audit log has come ({@code
 * signin_import}, migration V13). An importer holds the mark for the length of its transaction, so
 * that several portal instances import each event once. Plain JDBC on the caller's data source: with
 * the container's, it joins the caller's JTA transaction.
 */
public final class ImportMarks {

    /** The one source there is. */
    public static final String KEYCLOAK = "keycloak";

    private final DataSource dataSource;

    public ImportMarks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The source's mark, locked until the caller's transaction ends. */
    public ImportMark hold(String source) {
        try (var connection = dataSource.getConnection();
                var select = connection.prepareStatement(
                        "SELECT imported_until, ids_at_until FROM signin_import WHERE source = ? FOR UPDATE")) {
            select.setString(1, source);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("signin_import has no row for " + source + " (migration V13)");
                }
                return new ImportMark(row.getTimestamp(1).toInstant(), split(row.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read how far the " + source + " import has come", e);
        }
    }

    /** Moves the source's mark to {@code until}, with the ids of the events imported at exactly that time. */
    public void advance(String source, Instant until, Collection<String> idsAtUntil) {
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "UPDATE signin_import SET imported_until = ?, ids_at_until = ? WHERE source = ?")) {
            update.setTimestamp(1, Timestamp.from(until));
            update.setString(2, String.join(" ", new TreeSet<>(idsAtUntil)));
            update.setString(3, source);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record how far the " + source + " import has come", e);
        }
    }

    static Set<String> split(String ids) {
        return ids.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(ids.split(" ")));
    }
}
