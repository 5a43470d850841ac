package org.citymaas.portal.models.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.portal.models.entity.MeasuredMetric;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.portal.models.entity.VersionState;
import org.citymaas.runtime.training.boundary.FairnessReports;

/**
 * The tables {@code model_version} and {@code model_default} (V16), {@code model_version_metric} (V18) and the
 * recomputed fairness report on {@code model_version.measured_fairness} (V25), through the persistence context.
 */
@ApplicationScoped
public class VersionStore {

    private static final String COLUMNS = "model, version, state, uploaded_by, " + iso("uploaded_at")
            + ", approved_by, " + iso("approved_at") + ", " + iso("retired_at")
            + ", replacement_version, size_bytes, archive_sha256";

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    private static String iso(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** The model's recorded versions, in no particular order. */
    public List<VersionRecord> versions(String model) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM model_version WHERE model = ?1")
                .setParameter(1, model)
                .getResultList();
        return rows.stream().map(r -> record((Object[]) r)).toList();
    }

    /** The version's row, locked until the transaction ends. */
    public Optional<VersionRecord> lock(String model, String version) {
        List<?> rows = em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM model_version WHERE model = ?1 AND version = ?2 FOR UPDATE")
                .setParameter(1, model)
                .setParameter(2, version)
                .getResultList();
        return rows.stream().map(r -> record((Object[]) r)).findFirst();
    }

    public void insertStaged(String model, String version, String by, long sizeBytes, String sha256) {
        em.createNativeQuery("INSERT INTO model_version (model, version, state, uploaded_by, uploaded_at, size_bytes,"
                        + " archive_sha256) VALUES (?1, ?2, 'STAGED', ?3, now(), ?4, ?5)")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, by)
                .setParameter(4, sizeBytes)
                .setParameter(5, sha256)
                .executeUpdate();
    }

    /** The metrics recomputed on a held-out file at upload, with the row count, on the version's row. */
    public void insertMeasured(String model, String version, HeldOutCheck check) {
        em.createNativeQuery("UPDATE model_version SET held_out_rows = ?3 WHERE model = ?1 AND version = ?2")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, check.rows())
                .executeUpdate();
        for (var m : check.metrics()) {
            em.createNativeQuery("INSERT INTO model_version_metric (model, version, metric, declared, measured,"
                            + " baseline, declared_baseline, measured_baseline) VALUES (?1, ?2, ?3, ?4, ?5,"
                            + " CAST(?6 AS text), CAST(?7 AS double precision), CAST(?8 AS double precision))")
                    .setParameter(1, model)
                    .setParameter(2, version)
                    .setParameter(3, m.name())
                    .setParameter(4, m.declared())
                    .setParameter(5, m.measured())
                    .setParameter(6, m.baseline())
                    .setParameter(7, m.declaredBaseline())
                    .setParameter(8, m.measuredBaseline())
                    .executeUpdate();
        }
    }

    /** The fairness report recomputed on the version's held-out file (its rows are the metrics' held-out rows). */
    public void insertFairness(String model, String version, MeasuredFairness fairness) {
        em.createNativeQuery("UPDATE model_version SET measured_fairness = CAST(?3 AS jsonb) WHERE model = ?1"
                        + " AND version = ?2")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, FairnessReports.toJson(fairness.report()))
                .executeUpdate();
    }

    /** The model's versions whose fairness was recomputed at upload, by version. */
    public Map<String, MeasuredFairness> measuredFairness(String model) {
        List<?> rows = em.createNativeQuery("SELECT version, held_out_rows, CAST(measured_fairness AS text) FROM"
                        + " model_version WHERE model = ?1 AND measured_fairness IS NOT NULL")
                .setParameter(1, model)
                .getResultList();
        var result = new HashMap<String, MeasuredFairness>();
        for (var row : rows) {
            var r = (Object[]) row;
            result.put(
                    (String) r[0],
                    new MeasuredFairness(((Number) r[1]).intValue(), FairnessReports.fromJson(r[2].toString())));
        }
        return result;
    }

    /** The model's versions whose metrics were recomputed at upload, by version. */
    public Map<String, HeldOutCheck> measured(String model) {
        List<?> versions = em.createNativeQuery(
                        "SELECT version, held_out_rows FROM model_version WHERE model = ?1 AND held_out_rows IS NOT NULL")
                .setParameter(1, model)
                .getResultList();
        List<?> metrics = em.createNativeQuery(
                        "SELECT version, metric, declared, measured, baseline, declared_baseline,"
                                + " measured_baseline FROM model_version_metric WHERE model = ?1 ORDER BY version, metric")
                .setParameter(1, model)
                .getResultList();
        var byVersion = new HashMap<String, List<MeasuredMetric>>();
        for (var row : metrics) {
            var r = (Object[]) row;
            byVersion
                    .computeIfAbsent((String) r[0], v -> new ArrayList<>())
                    .add(new MeasuredMetric(
                            (String) r[1],
                            ((Number) r[2]).doubleValue(),
                            ((Number) r[3]).doubleValue(),
                            (String) r[4],
                            r[5] == null ? null : ((Number) r[5]).doubleValue(),
                            r[6] == null ? null : ((Number) r[6]).doubleValue()));
        }
        var result = new HashMap<String, HeldOutCheck>();
        for (var row : versions) {
            var r = (Object[]) row;
            var version = (String) r[0];
            result.put(
                    version, new HeldOutCheck(((Number) r[1]).intValue(), byVersion.getOrDefault(version, List.of())));
        }
        return result;
    }

    /** A shipped version gets its row when its state first changes. */
    public void insertShipped(String model, String version) {
        em.createNativeQuery("INSERT INTO model_version (model, version, state) VALUES (?1, ?2, 'PUBLISHED')"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, model)
                .setParameter(2, version)
                .executeUpdate();
    }

    public void approve(String model, String version, String by) {
        update("state = 'PUBLISHED', approved_by = ?3, approved_at = now()", model, version, by);
    }

    public void deprecate(String model, String version) {
        update("state = 'DEPRECATED', deprecated_at = now()", model, version, null);
    }

    public void retire(String model, String version, String by, String replacement) {
        em.createNativeQuery("UPDATE model_version SET state = 'RETIRED', retired_by = ?3, retired_at = now(),"
                        + " replacement_version = ?4 WHERE model = ?1 AND version = ?2")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, by)
                .setParameter(4, replacement)
                .executeUpdate();
    }

    private void update(String set, String model, String version, String by) {
        var query = em.createNativeQuery("UPDATE model_version SET " + set + " WHERE model = ?1 AND version = ?2")
                .setParameter(1, model)
                .setParameter(2, version);
        if (by != null) {
            query.setParameter(3, by);
        }
        query.executeUpdate();
    }

    /** The recorded default version and the one before it, if the model has a row. */
    public Optional<String[]> defaultOf(String model, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT version, previous_version FROM model_default WHERE model = ?1"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, model)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new String[] {(String) r[0], (String) r[1]})
                .findFirst();
    }

    public void setDefault(String model, String version, String previous, String by) {
        em.createNativeQuery("INSERT INTO model_default (model, version, previous_version, changed_by, changed_at)"
                        + " VALUES (?1, ?2, CAST(?3 AS varchar), ?4, now()) ON CONFLICT (model) DO UPDATE SET version = ?2,"
                        + " previous_version = CAST(?3 AS varchar), changed_by = ?4, changed_at = now()")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, previous)
                .setParameter(4, by)
                .executeUpdate();
    }

    private static VersionRecord record(Object[] r) {
        return new VersionRecord(
                (String) r[0],
                (String) r[1],
                VersionState.valueOf(((String) r[2]).strip()),
                (String) r[3],
                instant(r[4]),
                (String) r[5],
                instant(r[6]),
                instant(r[7]),
                (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(),
                r[10] == null ? null : r[10].toString().strip());
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse(text.toString());
    }
}
