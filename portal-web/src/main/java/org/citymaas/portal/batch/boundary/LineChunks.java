package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.boundary.ChunkLedger.Finished;
import org.citymaas.portal.batch.control.BatchLeaseLostException;
import org.citymaas.portal.batch.control.ChunkRows;
import org.citymaas.portal.batch.control.LineRefusals;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.billing.boundary.BudgetGuard;
import org.citymaas.portal.errors.BudgetExhaustedException;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.RequestIdReusedException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.inference.boundary.InputMasking;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.portal.inference.control.ShareKeys;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.citymaas.security.input.entity.HostileTextException;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.citymaas.tenant.errors.QuotaExceededException;
import org.citymaas.tenant.quotas.entity.Reservation;

/**
 * Runs a chunk of a job's lines as the governed path runs each of them ({@link Inferences}), with the
 * work shared where a line's meaning allows: authorized once; each line read, validated and masked on
 * its own (a bad line is refused with its own message and audit event, the others go on); one
 * reservation for the lines to charge ({@link ChunkLedger#reserve}); one runtime request for all rows
 * ({@link ChunkRunner}); one transaction that settles, meters each line under its own request id,
 * keeps every result and appends every line's audit event ({@link ChunkLedger#finish}). A line
 * already charged (a resumed job) runs again, is not reserved or charged again, and its event says so.
 * When the quota or budget cannot cover the whole chunk, its lines run one by one through the governed
 * path, so that the department gets exactly what its quota allows.
 */
@ApplicationScoped
public class LineChunks {

    private static final Logger LOG = Logger.getLogger(LineChunks.class.getName());
    static final String PORTAL_FAILED = "The line failed on our side; it was logged.";

    @Inject
    Inferences inferences;

    @Inject
    ModelRuntime runtime;

    @Inject
    InputMasking masking;

    @Inject
    UsageEvents usage;

    @Inject
    BudgetGuard budgets;

    @Inject
    ChunkLedger ledger;

    @Inject
    ChunkRunner runner;

    @Inject
    KeptLines kept;

    private final Clock clock = Clock.systemUTC();

    /**
     * Runs the lines (of one job, in the file's order) and keeps their results.
     *
     * @param card the card the lines are read and kept by (empty when the version is gone)
     * @param oneByOne runs one line through the governed path and keeps it; false when it must wait
     * @param stopping whether the portal is stopping
     * @return false when the portal is stopping and some of the lines must wait for the next start
     * @throws BatchLeaseLostException this instance no longer holds the job: nothing of the chunk was kept
     */
    public boolean run(
            BatchJob job,
            Caller caller,
            Optional<ModelCard> card,
            List<BatchLine> lines,
            String address,
            Predicate<BatchLine> oneByOne,
            BooleanSupplier stopping) {
        var model = ModelRef.of(job.model(), job.version());
        var done = new ArrayList<Finished>(lines.size());
        ModelVersion target;
        try {
            target = authorize(caller, model);
        } catch (NotSubscribedException
                | UnknownModelException
                | ModelVersionRetiredException
                | ModelNotFoundException e) {
            lines.forEach(l -> done.add(refused(job, card, l, event(caller, model, job, l, address), "DENIED", e)));
            ledger.finish(job.id(), done, clock.instant());
            return true;
        } catch (HostileTextException e) {
            lines.forEach(l -> done.add(refused(job, card, l, event(caller, model, job, l, address), "REJECTED", e)));
            ledger.finish(job.id(), done, clock.instant());
            return true;
        }
        var ready = new ArrayList<ReadyLine>(lines.size());
        for (var line : lines) {
            var event = event(caller, model, job, line, address);
            try {
                ready.add(ready(job, caller, card, target, model, line, event));
            } catch (NotSubscribedException | UnknownModelException | ModelNotFoundException e) {
                done.add(refused(job, card, line, event, "DENIED", e));
            } catch (HostileTextException | InvalidInputException e) {
                done.add(refused(job, card, line, event, "REJECTED", e));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "batch " + job.id() + " line " + line.line() + " failed", e);
                var failed = line.refused(LineOutcome.FAILED, PORTAL_FAILED, List.of());
                done.add(new Finished(line.line(), kept.masked(job, card, failed), null, null, null));
            }
        }
        var charged = usage.charged(
                job.tenant(), ready.stream().map(ReadyLine::requestId).toList());
        var toRun = new ArrayList<ReadyLine>(ready.size());
        var toCharge = new ArrayList<ReadyLine>(ready.size());
        for (var r : ready) {
            var first = charged.get(r.requestId());
            if (first == null) {
                toRun.add(r);
                toCharge.add(r);
            } else if (first.retriedBy(caller.name(), model.name(), r.request().rows(), r.digest())) {
                toRun.add(r); // not reserved: the runner says so in its event once it answered
            } else {
                r.event().summary(r.summary() + " | request id already used for a different request: not run");
                var reused = new RequestIdReusedException(r.requestId());
                done.add(refused(job, card, r.line(), r.event(), "REJECTED", reused));
            }
        }
        var stacked = stack(toRun);
        var reservations = stacked.isEmpty() ? null : reserve(job, model, toCharge);
        if (stacked.isEmpty() || reservations == null) {
            ledger.finish(job.id(), done, clock.instant());
            for (var r : toRun) {
                if (stopping.getAsBoolean() || !oneByOne.test(r.line())) {
                    return false;
                }
            }
            return true;
        }
        var reserved = new IdentityHashMap<ReadyLine, Reservation>();
        for (int i = 0; i < toCharge.size(); i++) {
            reserved.put(toCharge.get(i), reservations.get(i));
        }
        List<Finished> ran;
        try {
            ran = runner.run(job, caller, card, target.card(), model, toRun, stacked.get(), reserved, stopping);
        } catch (RuntimeException e) {
            ledger.release(reservations);
            throw e;
        }
        done.addAll(ran);
        try {
            ledger.finish(job.id(), done, clock.instant());
        } catch (BatchLeaseLostException e) {
            ledger.release(reservations); // nothing of the chunk was kept: the instance holding the job runs it
            throw e;
        }
        return ran.stream().allMatch(f -> f.kept() != null);
    }

    private ModelVersion authorize(Caller caller, ModelRef model) {
        var hostile = Stream.of(
                        HostileCharacters.find("model", "the model name", model.name()),
                        HostileCharacters.find("version", "the version", model.version()))
                .flatMap(Optional::stream)
                .toList();
        if (!hostile.isEmpty()) {
            throw new HostileTextException(hostile);
        }
        return inferences.authorize(caller, model);
    }

    private ReadyLine ready(
            BatchJob job,
            Caller caller,
            Optional<ModelCard> card,
            ModelVersion target,
            ModelRef model,
            BatchLine line,
            AuditEvent.Builder event) {
        var cells = card.map(ModelCard::inputs).orElse(List.of()).stream()
                .filter(f -> line.cell(f.name()).isPresent())
                .map(f -> RowCodec.Cell.of(f, line.cell(f.name()).orElseThrow()))
                .toList();
        var request = RowCodec.tensors(cells);
        request.requireOutputsOf(target.card());
        var validated =
                runtime.validate(InferenceRequest.of(ShareKeys.of(caller.tenant()), target.ref(), request.inputs()));
        var masked = masking.mask(caller.tenant(), target.card(), request.inputs());
        event.summary(masked.summary());
        var digest = RequestDigest.of(model.name(), model.version(), request.outputs(), masked.inputs());
        event.digests(digest, null);
        return new ReadyLine(
                line, job.requestId(line.line()), request, validated, masked.inputs(), digest, event, masked.summary());
    }

    /** The chunk's rows as one validated request with its masked text, if its lines can be stacked. */
    private Optional<ValidatedRequest> stack(List<ReadyLine> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        var inputs = lines.stream().map(r -> r.validated().request().inputs()).toList();
        if (!ChunkRows.stackable(inputs)) {
            return Optional.empty();
        }
        try {
            var first = lines.get(0).validated();
            var stacked = ChunkRows.stack(inputs);
            var validated = runtime.validate(InferenceRequest.of(
                    first.request().tenant(), first.request().model(), stacked));
            var text = ChunkRows.stack(lines.stream().map(ReadyLine::masked).toList());
            var masked = new ArrayList<Tensor>(stacked.size());
            for (int i = 0; i < stacked.size(); i++) {
                masked.add(stacked.get(i).datatype() == DataType.BYTES ? text.get(i) : stacked.get(i));
            }
            return Optional.of(validated.withText(masked));
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "a chunk's lines could not be sent together; they run one by one", e);
            return Optional.empty();
        }
    }

    /** The chunk's reservations, one per line to charge; null when the quota or budget cannot cover them all. */
    private List<Reservation> reserve(BatchJob job, ModelRef model, List<ReadyLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        try {
            budgets.admit(job.tenant());
            return ledger.reserve(
                    job.tenant(),
                    model.name(),
                    lines.stream().map(r -> (long) r.request().rows()).toList(),
                    clock.instant());
        } catch (QuotaExceededException | BudgetExhaustedException e) {
            return null;
        }
    }

    /** A line's audit event as the governed path starts it. */
    static AuditEvent.Builder event(Caller caller, ModelRef model, BatchJob job, BatchLine line, String address) {
        return AuditTrail.by(caller)
                .action("inference.request")
                .resource(AuditTrail.resourcePath(
                        "models/" + model.name() + (model.version() == null ? "" : "/versions/" + model.version())))
                .clientAddress(address)
                .requestId(job.requestId(line.line()));
    }

    private Finished refused(
            BatchJob job,
            Optional<ModelCard> card,
            BatchLine line,
            AuditEvent.Builder event,
            String outcome,
            RuntimeException e) {
        event.outcome(outcome, InferenceAnswers.status(e));
        var refusal = LineRefusals.of(e).orElseThrow();
        var result = line.refused(refusal.outcome(), refusal.message(), refusal.errors());
        return new Finished(line.line(), kept.masked(job, card, result), event, null, null);
    }
}
