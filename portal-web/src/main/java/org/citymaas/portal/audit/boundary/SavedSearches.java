package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
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

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    /** The auditor's saved searches, by name. */
    @Transactional
    public List<SavedSearch> list(Caller auditor) {
        List<?> rows = em.createNativeQuery("SELECT id, name, filters, created_at FROM audit_saved_search"
                        + " WHERE auditor = ?1 ORDER BY name, id")
                .setParameter(1, auditor.name())
                .getResultList();
        return rows.stream()
                .map(Object[].class::cast)
                .map(row -> new SavedSearch(
                        ((Number) row[0]).longValue(), (String) row[1], (String) row[2], instant(row[3])))
                .toList();
    }

    /**
     * Keeps the filters under the name.
     *
     * @throws InvalidParameterException {@code name}: blank, too long, with control characters, already
     *     used by this auditor, or one too many
     */
    @Transactional
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
        List<?> created = em.createNativeQuery("INSERT INTO audit_saved_search (auditor, name, filters)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT (auditor, name) DO NOTHING RETURNING id, created_at")
                .setParameter(1, auditor.name())
                .setParameter(2, kept)
                .setParameter(3, filters)
                .getResultList();
        if (created.isEmpty()) {
            throw new InvalidParameterException("name", "a saved search of that name exists");
        }
        var row = (Object[]) created.get(0);
        return new SavedSearch(((Number) row[0]).longValue(), kept, filters, instant(row[1]));
    }

    /** Deletes one of the auditor's saved searches; false when the auditor has none with that id. */
    @Transactional
    public boolean delete(Caller auditor, long id) {
        return em.createNativeQuery("DELETE FROM audit_saved_search WHERE id = ?1 AND auditor = ?2")
                        .setParameter(1, id)
                        .setParameter(2, auditor.name())
                        .executeUpdate()
                == 1;
    }

    /** A timestamptz column as the driver hands it over (an OffsetDateTime or an Instant). */
    private static Instant instant(Object value) {
        return Instant.from((TemporalAccessor) value);
    }
}
