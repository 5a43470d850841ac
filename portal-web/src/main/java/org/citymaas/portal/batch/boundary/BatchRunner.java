package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.batch.control.BatchAttributions;
import org.citymaas.portal.batch.control.ChunkPlan;
import org.citymaas.portal.batch.control.ChunksInFlight;
import org.citymaas.portal.batch.control.DepartmentSlots;
import org.citymaas.portal.batch.control.LineRefusals;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.errors.ModelVersionRetiredException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.Explanations;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.portal.suspension.boundary.SuspendedDepartments;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.errors.NotSubscribedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a job on the container's managed executor: its open lines in chunks ({@link ChunkPlan},
 * {@code citymaas.batch.chunk-lines}), each chunk run by {@link LineChunks} on the chunk threads (made
 * by the container's managed thread factory, {@code citymaas.batch.chunk-threads}), at most
 * {@code citymaas.batch.department-chunks} chunks of one department in flight at once, whatever its
 * jobs ({@link DepartmentSlots}). Each line stays its own governed request (authorized, validated,
 * masked, reserved, metered and audited as {@link Inferences} does), its cells typed by the model's
 * schema ({@link RowCodec}), its result kept with its chunk. A refused line is kept with its outcome and message and the job goes on. Lines left without a result when the portal
 * stops run again on the next start with the same request ids, so none is charged twice.
 *
 * <p>A line's raw input lives only while the line waits to run: its result is kept together with
 * its masked input (by the same {@link InputMasking} the inference uses, whatever the outcome), so
 * that only the lines a resume needs still hold what was uploaded.
 */
@ApplicationScoped
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());
    static final String NOT_RUN =
            "The job failed on our side before this line ran; it was logged. Submit the line again.";

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatchJobs jobs;

    @Inject
    Inferences inferences;

    @Inject
    Explanations explanations;

    @Inject
    Catalog catalog;

    @Inject
    SuspendedDepartments suspended;

    @Inject
    LineChunks chunks;

    @Inject
    KeptLines kept;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "citymaas.batch.chunk-lines", defaultValue = "128")
    int chunkLines;

    @Inject
    @ConfigProperty(name = "citymaas.batch.department-chunks", defaultValue = "2")
    int departmentChunks;

    @Inject
    @ConfigProperty(name = "citymaas.batch.chunk-threads", defaultValue = "4")
    int chunkThreadCount;

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private DepartmentSlots slots;
    private ExecutorService chunkThreads;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    /** Starts running the job's open lines, unless this instance already runs it. */
    public void start(BatchJob job, String clientAddress) {
        if (running.add(job.id())) {
            executor.submit(() -> run(job, clientAddress));
        }
    }

    @PostConstruct
    void init() {
        slots = new DepartmentSlots(departmentChunks);
        chunkThreads = Executors.newFixedThreadPool(Math.max(1, chunkThreadCount), threads);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        chunkThreads.shutdown();
    }

    private void run(BatchJob job, String clientAddress) {
        var inFlight = new ChunksInFlight();
        try {
            jobs.start(job.id(), clock.instant());
            var caller = caller(job);
            var card = card(caller, job);
            var waits = false;
            for (var chunk : ChunkPlan.chunks(jobs.lines(job.id(), false), chunkLines)) {
                waits = paused(job, chunk.get(0)) || !dispatch(job, caller, card, chunk, clientAddress, inFlight);
                if (waits) {
                    break;
                }
            }
            waits |= !inFlight.allRan();
            if (!waits) {
                jobs.finish(job.id(), BatchStatus.DONE, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "batch " + job.id() + " failed", e);
            try {
                inFlight.settle();
                jobs.finish(job.id(), BatchStatus.FAILED, clock.instant());
                closeOpenLines(job);
            } catch (RuntimeException again) {
                // the next start closes the open lines of failed jobs (BatchRecovery)
                LOG.log(Level.SEVERE, "batch " + job.id() + " could not be marked failed or closed", again);
            }
        } finally {
            running.remove(job.id());
        }
    }

    /** Whether the job must stop before this line: the portal stops, or the department is suspended. */
    private boolean paused(BatchJob job, BatchLine line) {
        if (stopping || Thread.currentThread().isInterrupted()) {
            LOG.info(() -> "batch " + job.id() + " paused at line " + line.line() + "; resumed on next start");
            return true;
        }
        if (suspended.isSuspended(job.tenant())) {
            LOG.info(() -> "batch " + job.id() + " paused at line " + line.line() + ": department " + job.tenant()
                    + " is suspended; resumed when it is reactivated");
            return true;
        }
        return false;
    }

    /**
     * Hands the chunk to the chunk threads once its department has a slot free (waiting for one), after
     * checking the chunks already handed over; false when a chunk left lines to wait or the portal stops.
     */
    private boolean dispatch(
            BatchJob job,
            Caller caller,
            Optional<ModelCard> card,
            List<BatchLine> chunk,
            String address,
            ChunksInFlight inFlight) {
        var department = job.tenant().value();
        try {
            while (!slots.tryAcquire(department, 200)) {
                if (stopping || !inFlight.finishedRan()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            inFlight.add(chunkThreads.submit(() -> {
                try {
                    if (job.explain()) {
                        // an explained line runs alone through the explanation use case, metered as one
                        return chunk.stream().allMatch(line -> !stopping && runLine(job, caller, card, line, address));
                    }
                    return chunks.run(
                            job,
                            caller,
                            card,
                            chunk,
                            address,
                            line -> runLine(job, caller, card, line, address),
                            () -> stopping);
                } finally {
                    slots.release(department);
                }
            }));
        } catch (RejectedExecutionException e) {
            slots.release(department);
            return false;
        }
        return inFlight.finishedRan();
    }

    /**
     * Closes the lines of a failed job that never ran, on the executor: each is kept as refused, with its input
     * masked like a line that ran, so no raw upload stays behind a job that will not run again.
     */
    public void closeOpenLinesLater(BatchJob job) {
        executor.submit(() -> {
            try {
                closeOpenLines(job);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "the open lines of failed batch " + job.id() + " could not be closed", e);
            }
        });
    }

    private void closeOpenLines(BatchJob job) {
        var card = card(caller(job), job);
        for (var line : jobs.lines(job.id(), false)) {
            var notRun = line.refused(LineOutcome.FAILED, NOT_RUN, List.of());
            jobs.finishLine(job.id(), kept.masked(job, card, notRun), clock.instant());
        }
    }

    /** Runs one line and keeps its result; false when the portal is stopping and the line must wait. */
    private boolean runLine(BatchJob job, Caller caller, Optional<ModelCard> card, BatchLine line, String address) {
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
            if (refusal.isPresent() && (stopping || Thread.currentThread().isInterrupted())) {
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
    private Optional<ModelCard> card(Caller caller, BatchJob job) {
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
    private static Caller caller(BatchJob job) {
        return new Caller(
                job.callerSubject(), job.caller(), job.caller(), job.callerKind(), job.tenant(), Set.of(Role.STAFF));
    }
}
