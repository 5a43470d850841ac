package org.citymaas.portal.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.citymaas.portal.audit.entity.SavedSearch;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.security.identity.entity.Caller;

/**
 * Each auditor's saved searches: a name and the filters, listed, run (the page opens with them) and
 * deleted by their owner only. A name is the auditor's own text (up to 100 characters, no control
 * characters) and is never written to the audit log; the filters are checked as a search checks them
 * before they are kept.
 */
@ApplicationScoped
public class SavedSearches {

    /** The most saved searches one auditor keeps. */
    public static final int MAX_PER_AUDITOR = 100;

    @Resource(lookup = "java:app/jdbc/citymaas")
    DataSource dataSource;

    /** The auditor's saved searches, by name. */
    public List<SavedSearch> list(Caller auditor) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT id, name, filters, created_at FROM audit_saved_search"
                        + " WHERE auditor = ? ORDER BY name, id")) {
            s.setString(1, auditor.name());
            var found = new ArrayList<SavedSearch>();
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(new SavedSearch(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the saved searches: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the filters under the name.
     *
     * @throws InvalidParameterException {@code name}: blank, too long, with control characters, already
     *     used by this auditor, or one too many
     */
    public SavedSearch save(Caller auditor, String name, String filters) {
        var kept = name == null ? "" : name.strip();
        if (kept.isEmpty() || kept.length() > 100 || kept.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException("name", "a name is 1 to 100 characters, no control characters");
        }
        if (filters == null || filters.length() > 4000) {
            throw new InvalidParameterException("filters", "the filters are too long to keep");
        }
        if (list(auditor).size() >= MAX_PER_AUDITOR) {
            throw new InvalidParameterException("name", "at most " + MAX_PER_AUDITOR + " saved searches");
        }
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("INSERT INTO audit_saved_search (auditor, name, filters) VALUES (?, ?, ?)"
                        + " ON CONFLICT (auditor, name) DO NOTHING RETURNING id, created_at")) {
            s.setString(1, auditor.name());
            s.setString(2, kept);
            s.setString(3, filters);
            try (var rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new InvalidParameterException("name", "a saved search of that name exists");
                }
                return new SavedSearch(
                        rows.getLong(1),
                        kept,
                        filters,
                        rows.getObject(2, OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the search: " + e.getMessage(), e);
        }
    }

    /** Deletes one of the auditor's saved searches; false when the auditor has none with that id. */
    public boolean delete(Caller auditor, long id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("DELETE FROM audit_saved_search WHERE id = ? AND auditor = ?")) {
            s.setLong(1, id);
            s.setString(2, auditor.name());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the saved search: " + e.getMessage(), e);
        }
    }
}
