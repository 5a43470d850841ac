package org.citymaas.portal.drift.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citymaas.portal.drift.entity.CountKey;

/**
 * The prediction counts in PostgreSQL ({@code prediction_count}, V23): flushes add to them, so that
 * several instances add safely; reports read a month of them.
 */
@ApplicationScoped
public class PredictionCounts {

    @PersistenceContext(unitName = "citymaas")
    EntityManager em;

    /** One stored count. */
    public record Stored(CountKey key, int bin, long predictions) {}

    /**
     * Adds the counts in one transaction (keys in {@link CountKey#WRITE_ORDER}, bins ascending, so that
     * instances flushing at once lock rows in the same order).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(Map<CountKey, long[]> counts) {
        var keys = new ArrayList<>(counts.keySet());
        keys.sort(CountKey.WRITE_ORDER);
        for (var key : keys) {
            long[] perBin = counts.get(key);
            var sql = new StringBuilder(
                    "INSERT INTO prediction_count AS c (tenant_id, model, version, month, bin, predictions) VALUES ");
            var values = new ArrayList<Object>();
            for (int bin = 0; bin < perBin.length; bin++) {
                if (perBin[bin] == 0) {
                    continue;
                }
                int p = values.size();
                sql.append(values.isEmpty() ? "" : ", ")
                        .append("(?")
                        .append(p + 1)
                        .append(", ?")
                        .append(p + 2)
                        .append(", ?")
                        .append(p + 3)
                        .append(", ?")
                        .append(p + 4)
                        .append(", ?")
                        .append(p + 5)
                        .append(", ?")
                        .append(p + 6)
                        .append(")");
                values.addAll(List.of(
                        key.department(),
                        key.model(),
                        key.version(),
                        key.month().atDay(1),
                        bin,
                        perBin[bin]));
            }
            if (values.isEmpty()) {
                continue;
            }
            sql.append(" ON CONFLICT (month, tenant_id, model, version, bin)"
                    + " DO UPDATE SET predictions = c.predictions + excluded.predictions");
            var insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                insert.setParameter(i + 1, values.get(i));
            }
            insert.executeUpdate();
        }
    }

    /** Every count of a month, by department, model, version and bin. */
    @Transactional
    public List<Stored> month(YearMonth month) {
        List<?> rows = em.createNativeQuery("SELECT tenant_id, model, version, bin, predictions FROM prediction_count"
                        + " WHERE month = ?1 ORDER BY tenant_id, model, version, bin")
                .setParameter(1, month.atDay(1))
                .getResultList();
        return rows.stream()
                .map(Object[].class::cast)
                .map(r -> new Stored(
                        new CountKey((String) r[0], (String) r[1], (String) r[2], month),
                        ((Number) r[3]).intValue(),
                        ((Number) r[4]).longValue()))
                .toList();
    }

    /** The months that have counts, newest first. */
    @Transactional
    public List<YearMonth> months() {
        List<?> rows = em.createNativeQuery(
                        "SELECT DISTINCT to_char(month, 'YYYY-MM') FROM prediction_count ORDER BY 1 DESC")
                .getResultList();
        return rows.stream().map(m -> YearMonth.parse((String) m)).toList();
    }
}
