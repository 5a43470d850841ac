package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
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
import org.citymaas.portal.batch.control.BatchLeaseLostException;
import org.citymaas.portal.batch.control.ChunkPlan;
import org.citymaas.portal.batch.control.ChunksInFlight;
import org.citymaas.portal.batch.control.DepartmentSlots;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.portal.suspension.boundary.SuspendedDepartments;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.security.identity.entity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a job on the container's managed executor: its open lines in chunks ({@link ChunkPlan},
 * {@code citymaas.batch.chunk-lines}), each chunk run by {@link LineChunks} on the chunk threads (made
 * by the container's managed thread factory, {@code citymaas.batch.chunk-threads}), at most
 * {@code citymaas.batch.department-chunks} chunks of one department in flight at once, whatever its
 * jobs ({@link DepartmentSlots}). Each line stays its own governed request (authorized, validated,
 * masked, reserved, metered and audited as {@link Inferences} does), its cells typed by the model's
 * schema ({@link RowCodec}), its result kept with its chunk. A refused line is kept with its outcome and message and the job goes on.
 *
 * <p>A job runs only on the instance holding its lease ({@link BatchLeases}): taken here, let go when
 * the job ends or pauses; when the lease is lost (it expired and another instance took the job over)
 * the job stops here at once and nothing more of it is kept. Lines left without a result (the portal
 * stopped or died) run again on whichever instance takes the job next, with the same request ids, so
 * none is charged twice.
 *
 * <p>A line's raw input lives only while the line waits to run: its result is kept together with
 * its masked input (by the same {@link InputMasking} the inference uses, whatever the outcome), so
 * that only the lines a resume needs still hold what was uploaded.
 */
@ApplicationScoped
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    BatchJobs jobs;

    @Inject
    SuspendedDepartments suspended;

    @Inject
    LineChunks chunks;

    @Inject
    JobLines lines;

    @Inject
    BatchLeases leases;

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

    /**
     * Starts running the job's open lines, unless this instance already runs it or cannot take its lease
     * (another instance holds it).
     */
    public void start(BatchJob job, String clientAddress) {
        if (!running.add(job.id())) {
            return;
        }
        try {
            if (!leases.take(job.id())) {
                running.remove(job.id());
                return;
            }
            executor.submit(() -> run(job, clientAddress));
        } catch (RuntimeException e) {
            running.remove(job.id());
            LOG.log(Level.WARNING, "batch " + job.id() + " could not be started here; a sweep takes it later", e);
            letGo(job);
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
            var caller = JobLines.caller(job);
            var card = lines.card(caller, job);
            var waits = false;
            for (var chunk : ChunkPlan.chunks(jobs.lines(job.id(), false), chunkLines)) {
                waits = paused(job, chunk.get(0)) || !dispatch(job, caller, card, chunk, clientAddress, inFlight);
                if (waits) {
                    break;
                }
            }
            waits |= !inFlight.allRan();
            if (!waits) {
                leases.end(job.id(), BatchStatus.DONE, clock.instant());
            }
        } catch (BatchLeaseLostException e) {
            inFlight.settle();
            LOG.warning(() -> "batch " + job.id() + " stops here: another instance took it over");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "batch " + job.id() + " failed", e);
            try {
                inFlight.settle();
                if (leases.end(job.id(), BatchStatus.FAILED, clock.instant())) {
                    lines.closeOpenLines(job);
                }
            } catch (RuntimeException again) {
                // the next start closes the open lines of failed jobs (BatchRecovery)
                LOG.log(Level.SEVERE, "batch " + job.id() + " could not be marked failed or closed", again);
            }
        } finally {
            letGo(job); // first: a start meanwhile finds the job still running here, and a sweep takes it later
            running.remove(job.id());
        }
    }

    /** Lets the job go (done, paused or taken over: a no-op unless this instance still holds it). */
    private void letGo(BatchJob job) {
        try {
            leases.release(job.id());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "batch " + job.id() + " could not be let go; its lease expires", e);
        }
    }

    /**
     * Whether the job must stop before this line: the portal stops, or the department is suspended.
     *
     * @throws BatchLeaseLostException this instance no longer holds the job's lease
     */
    private boolean paused(BatchJob job, BatchLine line) {
        if (!leases.holds(job.id())) {
            throw new BatchLeaseLostException(job.id());
        }
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
                        return chunk.stream()
                                .allMatch(line ->
                                        !stopping && lines.runLine(job, caller, card, line, address, () -> stopping));
                    }
                    return chunks.run(
                            job,
                            caller,
                            card,
                            chunk,
                            address,
                            line -> lines.runLine(job, caller, card, line, address, () -> stopping),
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
                lines.closeOpenLines(job);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "the open lines of failed batch " + job.id() + " could not be closed", e);
            }
        });
    }
}
