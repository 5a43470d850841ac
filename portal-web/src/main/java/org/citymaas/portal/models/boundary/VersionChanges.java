package org.citymaas.portal.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.models.control.HeldOutRecomputation;
import org.citymaas.portal.models.control.VersionRules;
import org.citymaas.portal.models.control.VersionStore;
import org.citymaas.portal.models.entity.HeldOutCheck;
import org.citymaas.portal.models.entity.MeasuredFairness;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.repository.boundary.ModelRepository;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;

/**
 * Each lifecycle step in one transaction: the version's row locked, the rule checked, the row changed and
 * the audit event appended last (committed together or not at all). Refusals throw before anything changed.
 */
@ApplicationScoped
public class VersionChanges {

    @Inject
    VersionStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Catalog catalog;

    @Inject
    ModelRepository repository;

    @Inject
    ModelUploadSettings settings;

    static AuditEvent.Builder event(Caller by, String action, String model, String version) {
        return AuditTrail.by(by)
                .action(action)
                .resource(AuditTrail.resourcePath(
                        "models/" + model + (version == null ? "/versions" : "/versions/" + version)));
    }

    /**
     * Records an upload STAGED with what its held-out file confirmed ({@code heldOut}, or null: nothing
     * recomputed): the recomputed metrics and, when the file had group columns, the recomputed fairness report;
     * the audit event says which, as names and numbers only.
     */
    @Transactional
    public void recordUpload(
            String model,
            String version,
            long sizeBytes,
            String sha256,
            HeldOutRecomputation.Outcome heldOut,
            Caller by) {
        store.insertStaged(model, version, by.name(), sizeBytes, sha256);
        var measured = heldOut == null ? null : heldOut.metrics();
        var fairness = heldOut == null ? null : heldOut.fairness();
        if (measured != null) {
            store.insertMeasured(model, version, measured);
        }
        if (fairness != null) {
            store.insertFairness(model, version, fairness);
        }
        audit.append(event(by, "model.version.upload", model, version)
                .outcome("OK", 201)
                .summary("state STAGED, bytes " + sizeBytes + ", sha256 " + sha256 + ", " + metrics(measured) + ", "
                        + fairness(fairness))
                .build());
    }

    /** {@code fairness not recomputed}, or the recomputed report's row count and checks outside the tolerance. */
    static String fairness(MeasuredFairness fairness) {
        if (fairness == null) {
            return "fairness not recomputed";
        }
        return "fairness recomputed on " + fairness.rows() + " rows: "
                + fairness.report().outside().size() + " of "
                + fairness.report().checks().size()
                + " checks outside the tolerance";
    }

    /**
     * A refusal's numbers for the audit trail (the metric that did not match, declared and measured, rows, the
     * file's line): names the card or the portal gave and numbers, never a file's content.
     */
    static String numbers(Map<String, Object> members) {
        var kept = new TreeMap<String, Object>();
        members.forEach((k, v) -> {
            if (v instanceof Number || "metric".equals(k)) {
                kept.put(k, v instanceof Double d ? HeldOutCheck.number(d) : v);
            }
        });
        var out = new StringBuilder();
        kept.forEach((k, v) -> out.append(", ").append(k).append(' ').append(v));
        return out.toString();
    }

    /** {@code metrics not recomputed}, or each metric declared and measured with the row count. */
    static String metrics(HeldOutCheck measured) {
        if (measured == null) {
            return "metrics not recomputed";
        }
        var parts = measured.metrics().stream()
                .map(m -> m.name() + " declared " + HeldOutCheck.number(m.declared()) + " measured "
                        + HeldOutCheck.number(m.measured())
                        + (m.baseline() == null
                                ? ""
                                : " baseline declared " + HeldOutCheck.number(m.declaredBaseline()) + " measured "
                                        + HeldOutCheck.number(m.measuredBaseline())))
                .toList();
        return "held-out rows " + measured.rows() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }

    @Transactional
    public void approve(String model, String version, Caller by) {
        var v = locked(model, version);
        VersionRules.approve(
                v,
                by.name(),
                fairness(model, version),
                store.measuredFairness(model).get(version),
                settings.requireRecomputedFairness());
        store.approve(model, version, by.name());
        audit.append(event(by, "model.version.approve", model, version)
                .outcome("OK", 200)
                .summary("from STAGED to PUBLISHED")
                .build());
    }

    @Transactional
    public void makeDefault(String model, String version, Caller by) {
        var current = currentDefault(model, true);
        VersionRules.makeDefault(locked(model, version), current);
        store.setDefault(model, version, current, by.name());
        audit.append(event(by, "model.version.default", model, version)
                .outcome("OK", 200)
                .summary("default " + version + ", previous " + current)
                .build());
    }

    @Transactional
    public void deprecate(String model, String version, Caller by) {
        var v = locked(model, version);
        VersionRules.deprecate(v, currentDefault(model, true));
        store.deprecate(model, version);
        audit.append(event(by, "model.version.deprecate", model, version)
                .outcome("OK", 200)
                .summary("from " + v.state() + " to DEPRECATED")
                .build());
    }

    /** Retires the version; the current default replaces it. */
    @Transactional
    public String retire(String model, String version, Caller by) {
        var current = currentDefault(model, true);
        var v = locked(model, version);
        VersionRules.retire(v, current);
        store.retire(model, version, by.name(), current);
        audit.append(event(by, "model.version.retire", model, version)
                .outcome("OK", 200)
                .summary("from " + v.state() + " to RETIRED, replacement " + current)
                .build());
        return current;
    }

    /** Makes the default before the current one the default again; answers it. */
    @Transactional
    public String rollBack(String model, Caller by) {
        var recorded = store.defaultOf(model, true);
        var previous = recorded.map(r -> r[1]).orElse(null);
        VersionRules.rollBack(model, previous == null ? null : locked(model, previous));
        var current = recorded.get()[0];
        store.setDefault(model, previous, current, by.name());
        audit.append(event(by, "model.default.rollback", model, previous)
                .outcome("OK", 200)
                .summary("default " + previous + ", previous " + current)
                .build());
        return previous;
    }

    /** The fairness section of the version's card, or null (no card in the repository, or none on it). */
    FairnessReport fairness(String model, String version) {
        var ref = ModelRef.of(model, version);
        var found = catalog.find(ref);
        if (found.isEmpty()) {
            catalog.refresh(); // stored by another instance
            found = catalog.find(ref);
        }
        return found.map(v -> v.card().fairness()).orElse(null);
    }

    /** The default version now: the recorded one, else the repository's {@code model.json}. */
    String currentDefault(String model, boolean lock) {
        return store.defaultOf(model, lock)
                .map(r -> r[0])
                .orElseGet(() -> catalog.versions(model).stream()
                        .filter(v -> v.defaultVersion())
                        .map(v -> v.card().version())
                        .findFirst()
                        .orElse(null));
    }

    /** The version's row, locked; a shipped version gets its row first. */
    private VersionRecord locked(String model, String version) {
        Optional<VersionRecord> row = store.lock(model, version);
        if (row.isEmpty() && repository.shipped(ModelRef.of(model, version))) {
            store.insertShipped(model, version);
            row = store.lock(model, version);
        }
        return row.orElseThrow(() -> new UnknownModelException("model '" + model + "' has no version " + version));
    }
}
