package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.batch.control.BatchAttributions;
import org.citymaas.portal.batch.control.BatchLeaseLostException;
import org.citymaas.portal.batch.control.LineRefusals;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.Explanations;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.errors.NotSubscribedException;

/**
 * A job's lines one at a time, for {@link BatchRunner}: a line run alone through the governed path
 * ({@link Inferences}) and kept, the open lines of a failed job closed, and who and by which card a job's
 * lines run.
 */
@ApplicationScoped
public class JobLines {

    private static final Logger LOG = Logger.getLogger(JobLines.class.getName());
    static final String NOT_RUN =
            "The job failed on our side before this line ran; it was logged. Submit the line again.";

    @Inject
    BatchJobs jobs;

    @Inject
    Inferences inferences;

    @Inject
    Explanations explanations;

    @Inject
    Catalog catalog;

    @Inject
    KeptLines kept;

    @Inject
    BatchLeases leases;

    private final Clock clock = Clock.systemUTC();

    /** Keeps each line of the job without a result as refused (never ran), masked like a line that ran. */
    void closeOpenLines(BatchJob job) {
        var card = card(caller(job), job);
        for (var line : jobs.lines(job.id(), false)) {
            var notRun = line.refused(LineOutcome.FAILED, NOT_RUN, List.of());
            jobs.finishLine(job.id(), kept.masked(job, card, notRun), clock.instant());
        }
    }

    /**
     * Runs one line and keeps its result; false when the portal is stopping and the line must wait.
     *
     * @throws BatchLeaseLostException this instance no longer holds the job's lease (the line did not run)
     */
    boolean runLine(
            BatchJob job,
            Caller caller,
            Optional<ModelCard> card,
            BatchLine line,
            String address,
            BooleanSupplier stopping) {
        if (!leases.holds(job.id())) {
            throw new BatchLeaseLostException(job.id());
        }
        var cells = card.map(ModelCard::inputs).orElse(List.of()).stream()
                .filter(f -> line.cell(f.name()).isPresent())
                .map(f -> RowCodec.Cell.of(f, line.cell(f.name()).orElseThrow()))
                .toList();
        BatchLine result;
        try {
            if (job.explain()) {
                var explained = explanations.explain(
                        caller, ref(job), job.requestId(line.line()), () -> RowCodec.tensors(cells), address);
                var outputs = new ArrayList<>(RowCodec.outputs(explained.answer()));
                outputs.addAll(BatchAttributions.outputs(
                        explained.explanation().method(),
                        explained.explanation().rows().get(0)));
                result = line.answered(outputs);
            } else {
                var outcome = inferences.infer(
                        caller, ref(job), job.requestId(line.line()), () -> RowCodec.tensors(cells), address);
                result = line.answered(RowCodec.outputs(outcome));
            }
        } catch (RuntimeException e) {
            var refusal = LineRefusals.of(e);
            if (refusal.isPresent()
                    && (stopping.getAsBoolean() || Thread.currentThread().isInterrupted())) {
                return false;
            }
            if (refusal.isEmpty()) {
                LOG.log(Level.WARNING, "batch " + job.id() + " line " + line.line() + " failed", e);
            }
            result = refusal.map(r -> line.refused(r.outcome(), r.message(), r.errors()))
                    .orElseGet(() ->
                            line.refused(LineOutcome.FAILED, "The line failed on our side; it was logged.", List.of()));
        }
        jobs.finishLine(job.id(), kept.masked(job, card, result), clock.instant());
        return true;
    }

    /**
     * The card the lines run (and are masked) by. No longer subscribed, every line is refused (not
     * subscribed), and is still masked by the version's card.
     */
    Optional<ModelCard> card(Caller caller, BatchJob job) {
        try {
            return Optional.of(inferences.authorize(caller, ref(job)).card());
        } catch (NotSubscribedException | UnknownModelException | ModelVersionRetiredException e) {
            return catalog.versions(job.model()).stream()
                    .filter(v -> job.version() == null
                            ? v.defaultVersion()
                            : v.card().version().equals(job.version()))
                    .findFirst()
                    .map(ModelVersion::card);
        }
    }

    private static ModelRef ref(BatchJob job) {
        return ModelRef.of(job.model(), job.version());
    }

    /** The submitter, as the lines run and are audited: the department and name the job was stored with. */
    static Caller caller(BatchJob job) {
        return new Caller(
                job.callerSubject(), job.caller(), job.caller(), job.callerKind(), job.tenant(), Set.of(Role.STAFF));
    }
}
