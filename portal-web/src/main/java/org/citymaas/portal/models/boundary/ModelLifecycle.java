package org.citymaas.portal.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.ModelVersionStateException;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.models.control.FairnessRefusedException;
import org.citymaas.portal.models.control.HeldOutRecomputation;
import org.citymaas.portal.models.control.HeldOutRecomputation.HeldOutLimits;
import org.citymaas.portal.models.control.VersionStore;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.portal.models.entity.VersionState;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.repository.boundary.ModelRepository;
import org.citymaas.runtime.repository.entity.UploadLimits;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model versions' lifecycle: which version answers a department's call, and the platform admins' steps
 * (upload, approve, default, deprecate, retire, roll back), each audited, refusals included. What the
 * database says of a model is read at most once per {@code citymaas.models.status-ttl} (default {@code PT2S})
 * per instance, so that a step taken on another instance reaches this one within that time.
 */
@ApplicationScoped
public class ModelLifecycle {

    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class.getName());

    @Inject
    VersionStore store;

    @Inject
    VersionChanges changes;

    @Inject
    ModelRepository repository;

    @Inject
    Catalog catalog;

    @Inject
    ModelRuntime runtime;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "citymaas.models.status-ttl", defaultValue = "PT2S")
    String ttlText;

    @Inject
    ModelUploadSettings uploads;

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** What the database says of a model's versions, as read at {@code readAt}. */
    private record Snapshot(Map<String, VersionRecord> rows, String defaultVersion, Instant readAt) {}

    public UploadLimits limits() {
        return uploads.limits();
    }

    public HeldOutLimits heldOutLimits() {
        return uploads.heldOutLimits();
    }

    private Snapshot snapshot(String model) {
        var now = clock.instant();
        var s = snapshots.get(model);
        if (s == null || s.readAt().plus(Duration.parse(ttlText)).isBefore(now)) {
            var rows = new LinkedHashMap<String, VersionRecord>();
            store.versions(model).forEach(r -> rows.put(r.version(), r));
            s = new Snapshot(Map.copyOf(rows), changes.currentDefault(model, false), now);
            snapshots.put(model, s);
        }
        return s;
    }

    private void forget(String model) {
        snapshots.remove(model);
    }

    /** The version's lifecycle record: its row, a shipped version's implied one, or null (unknown). */
    private VersionRecord record(Snapshot s, String model, String version) {
        var row = s.rows().get(version);
        if (row != null) {
            return row;
        }
        return repository.shipped(ModelRef.of(model, version)) ? VersionRecord.shipped(model, version) : null;
    }

    /**
     * The version that answers a call: the one named (or pinned), else the model's default.
     *
     * @throws UnknownModelException no such version, or one still staged
     * @throws ModelVersionRetiredException the version is retired (410, naming its replacement)
     */
    public ModelVersion resolve(String model, String wanted) {
        var s = snapshot(model);
        var version = wanted != null ? wanted : s.defaultVersion();
        var record = version == null ? null : record(s, model, version);
        if (record == null || record.state() == VersionState.STAGED) {
            throw new UnknownModelException("your department has no model '" + model + "' version " + version);
        }
        if (record.state() == VersionState.RETIRED) {
            throw new ModelVersionRetiredException(model, version, record.replacement());
        }
        var ref = ModelRef.of(model, version);
        var found = catalog.find(ref);
        if (found.isEmpty()) {
            // added to the shared repository by another instance
            runtime.refreshCatalog();
            found = catalog.find(ref);
        }
        return found.orElseThrow(
                () -> new UnknownModelException("your department has no model '" + model + "' version " + version));
    }

    /** The versions of the model that answer calls (published or deprecated), oldest first. */
    public List<String> serving(String model) {
        var s = snapshot(model);
        return catalog.versions(model).stream()
                .map(v -> v.card().version())
                .filter(v -> {
                    var r = record(s, model, v);
                    return r != null && r.state().serves();
                })
                .toList();
    }

    /**
     * Every version of the model in the repository with its state, oldest first; the repository folder is read
     * again first (versions another instance added, or files removed by hand).
     */
    public List<ModelVersionView> list(String model) {
        runtime.refreshCatalog();
        if (catalog.versions(model).isEmpty()) {
            throw new UnknownModelException("the catalog has no model '" + model + "'");
        }
        forget(model);
        var s = snapshot(model);
        var measured = store.measured(model);
        var measuredFairness = store.measuredFairness(model);
        var views = new ArrayList<ModelVersionView>();
        for (var v : catalog.versions(model)) {
            var version = v.card().version();
            var r = record(s, model, version);
            if (r != null) { // on disk, neither shipped nor recorded: not part of the lifecycle
                views.add(ModelVersionView.of(
                        r,
                        version.equals(s.defaultVersion()),
                        repository.shipped(v.ref()),
                        v.sizeBytes(),
                        measured.get(version),
                        v.card().fairness(),
                        measuredFairness.get(version),
                        uploads.requireRecomputedFairness()));
            }
        }
        return views;
    }

    /**
     * Takes an uploaded version: checks it (size, safe extraction, SavedModel, card schema, the sample inputs
     * run, the declared metrics recomputed when a held-out file comes with it, and the fairness table when that
     * file has group columns), stores it and records it
     * STAGED. A refusal is audited and leaves no file and no row.
     *
     * @param heldOut the held-out CSV ({@link org.citymaas.portal.models.control.HeldOutFile}), or null
     * @throws RejectedModelUploadException the upload failed a check (400, 413 when too large)
     * @throws ModelVersionStateException the model already has that version (409)
     */
    public ModelVersionView upload(String model, byte[] archive, byte[] card, byte[] heldOut, Caller by) {
        var event = VersionChanges.event(by, "model.version.upload", model, null);
        if (catalog.versions(model).isEmpty()) {
            throw refused(
                    event,
                    new UnknownModelException("the catalog has no model '" + model
                            + "'; versions are uploaded for the catalog's models"));
        }
        if (archive == null || card == null) {
            throw refused(
                    event,
                    new RejectedModelUploadException(
                            "missing-part",
                            "send both parts: savedModel (the SavedModel as a zip) and card (its JSON)"));
        }
        synchronized (this) {
            try {
                var stored = repository.add(model, new ByteArrayInputStream(archive), card, limits(), runtime);
                var version = stored.card().version();
                try {
                    var measured = heldOut == null
                            ? null
                            : HeldOutRecomputation.check(stored.card(), heldOut, uploads.heldOutLimits(), runtime);
                    changes.recordUpload(model, version, stored.sizeBytes(), stored.archiveSha256(), measured, by);
                } catch (RejectedModelUploadException e) {
                    repository.remove(model, version, runtime);
                    throw refused(event, e);
                } catch (RuntimeException e) {
                    repository.remove(model, version, runtime);
                    if (store.versions(model).stream().anyMatch(r -> r.version().equals(version))) {
                        throw refused(event, conflict(model, version));
                    }
                    throw e;
                } finally {
                    forget(model);
                }
                unloadQuietly(ModelRef.of(model, version));
                return list(model).stream()
                        .filter(v -> v.version().equals(version))
                        .findFirst()
                        .orElseThrow();
            } catch (InvalidModelUploadException e) {
                throw refused(event, new RejectedModelUploadException(e.reason(), e.getMessage()));
            } catch (IllegalStateException e) {
                throw refused(event, new ModelVersionStateException(model, "-", "EXISTS", e.getMessage()));
            }
        }
    }

    private static ModelVersionStateException conflict(String model, String version) {
        return new ModelVersionStateException(
                model, version, "EXISTS", "model '" + model + "' already has version " + version);
    }

    public ModelVersionView approve(String model, String version, Caller by) {
        return step(by, "model.version.approve", model, version, () -> {
            changes.approve(model, version, by);
            return version;
        });
    }

    public ModelVersionView makeDefault(String model, String version, Caller by) {
        return step(by, "model.version.default", model, version, () -> {
            changes.makeDefault(model, version, by);
            return version;
        });
    }

    public ModelVersionView deprecate(String model, String version, Caller by) {
        return step(by, "model.version.deprecate", model, version, () -> {
            changes.deprecate(model, version, by);
            return version;
        });
    }

    public ModelVersionView retire(String model, String version, Caller by) {
        var view = step(by, "model.version.retire", model, version, () -> {
            changes.retire(model, version, by);
            return version;
        });
        unloadQuietly(ModelRef.of(model, version));
        return view;
    }

    /** Makes the previous default the default again; answers that version. */
    public ModelVersionView rollBack(String model, Caller by) {
        return step(by, "model.default.rollback", model, null, () -> changes.rollBack(model, by));
    }

    private ModelVersionView step(Caller by, String action, String model, String version, Supplier<String> change) {
        var event = VersionChanges.event(by, action, model, version);
        if (catalog.versions(model).isEmpty()) {
            throw refused(event, new UnknownModelException("the catalog has no model '" + model + "'"));
        }
        String changed;
        try {
            changed = change.get();
        } catch (PortalException e) {
            throw refused(event, e);
        } finally {
            forget(model);
        }
        return list(model).stream()
                .filter(v -> v.version().equals(changed))
                .findFirst()
                .orElseThrow();
    }

    /** A refusal, audited (structure only: the outcome, the status and a reason code) before it is thrown. */
    private PortalException refused(AuditEvent.Builder event, PortalException refusal) {
        var outcome = refusal.status() == 403 ? "DENIED" : "REJECTED";
        if (refusal instanceof RejectedModelUploadException rejected) {
            event.summary("reason " + rejected.reason() + VersionChanges.numbers(rejected.extensions()));
        } else if (refusal instanceof FairnessRefusedException unfair) {
            event.summary("reason " + unfair.reason() + VersionChanges.numbers(unfair.extensions()));
        } else if (refusal instanceof ModelVersionStateException) {
            event.summary("state " + refusal.extensions().get("state"));
        }
        audit.record(event.outcome(outcome, refusal.status()).build());
        return refusal;
    }

    private void unloadQuietly(ModelRef ref) {
        try {
            runtime.unload(ref);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "unload " + ref, e);
        }
    }
}
