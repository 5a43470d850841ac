package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.batch.boundary.ChunkLedger.Finished;
import org.citymaas.portal.batch.control.ChunkRows;
import org.citymaas.portal.batch.control.LineRefusals;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.LineOutcome;
import org.citymaas.portal.drift.boundary.LiveUse;
import org.citymaas.portal.errors.InferenceTimeoutException;
import org.citymaas.portal.errors.PortalStoppingException;
import org.citymaas.portal.inference.control.RequestDigest;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.tenant.quotas.entity.Reservation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a chunk's rows as one runtime request and cuts the answer back into each line's, as the
 * governed path would have answered the line alone: its outputs, its share of the compute (by rows, as
 * the runtime apportions a batch), its answer digest and audit outcome, its usage event when it is
 * charged. When the run fails, every line of it fails alike (and its reservation is released); while
 * the portal stops, the lines are left to run again on the next start, as a line alone would be.
 */
@ApplicationScoped
public class ChunkRunner {

    private static final Logger LOG = Logger.getLogger(ChunkRunner.class.getName());

    @Inject
    ModelRuntime runtime;

    @Inject
    KeptLines kept;

    @Inject
    LiveUse liveUse;

    @Inject
    @ConfigProperty(name = "citymaas.inference.timeout", defaultValue = "PT30S")
    String timeoutSetting;

    private final Clock clock = Clock.systemUTC();

    /** The lines' ends, in their order; a line reserved has its reservation in {@code reserved}. */
    List<Finished> run(
            BatchJob job,
            Caller caller,
            Optional<ModelCard> card,
            ModelCard served,
            ModelRef model,
            List<ReadyLine> lines,
            ValidatedRequest stacked,
            Map<ReadyLine, Reservation> reserved,
            BooleanSupplier stopping) {
        var timeout = Duration.parse(timeoutSetting);
        InferenceResult result;
        try {
            var future = runtime.submit(stacked.withTimeout(timeout));
            result = future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (QueueFullException e) {
            return failed(job, card, lines, reserved, e, stopping);
        } catch (TimeoutException e) {
            return failed(job, card, lines, reserved, new InferenceTimeoutException(timeout), stopping);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "inference failed", e.getCause());
            var failure = e.getCause() instanceof DeadlineExceededException deadline
                    ? deadline
                    : new ModelRuntimeException("inference failed", e.getCause());
            return failed(job, card, lines, reserved, failure, stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(job, card, lines, reserved, new PortalStoppingException(), stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inference failed", e);
            return failed(job, card, lines, reserved, new ModelRuntimeException("inference failed", e), stopping);
        }
        var rows = lines.stream().map(r -> r.request().rows()).toList();
        var parts = ChunkRows.split(result.outputs(), rows);
        liveUse.count(caller.tenant(), result.model(), served, result.outputs());
        var now = clock.instant();
        var finished = new ArrayList<Finished>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var outputs = line.request().wanted(parts.get(i));
            var compute = ChunkRows.share(result.compute(), rows.get(i));
            var answered = RequestDigest.ofAnswer(result.model(), line.requestId(), outputs);
            line.event().outcome("OK", InferenceAnswers.ANSWERED).digests(line.digest(), answered);
            var reservation = reserved.get(line);
            if (reservation == null) {
                line.event().summary(line.summary() + " | retry of an already charged request id: not charged again");
            }
            var usage = reservation == null ? null : usage(caller, model, line, result.model(), compute, now);
            var outcome = new InferenceOutcome(
                    line.requestId(), result.model(), served, outputs, compute, reservation == null);
            var answer = kept.masked(job, card, line.line().answered(RowCodec.outputs(outcome)));
            finished.add(new Finished(line.line().line(), answer, line.event(), reservation, usage));
        }
        return finished;
    }

    /** Every line of the run failed alike; while the portal stops, left to run again (not kept). */
    private List<Finished> failed(
            BatchJob job,
            Optional<ModelCard> card,
            List<ReadyLine> lines,
            Map<ReadyLine, Reservation> reserved,
            RuntimeException failure,
            BooleanSupplier stopping) {
        var refusal = LineRefusals.of(failure);
        var waits = refusal.isPresent()
                && (stopping.getAsBoolean() || Thread.currentThread().isInterrupted());
        var finished = new ArrayList<Finished>(lines.size());
        for (var line : lines) {
            line.event().outcome("FAILED", InferenceAnswers.status(failure));
            var result = waits
                    ? null
                    : kept.masked(
                            job,
                            card,
                            refusal.map(r -> line.line().refused(r.outcome(), r.message(), r.errors()))
                                    .orElseGet(() -> line.line()
                                            .refused(LineOutcome.FAILED, LineChunks.PORTAL_FAILED, List.of())));
            finished.add(new Finished(line.line().line(), result, line.event(), reserved.get(line), null));
        }
        return finished;
    }

    /** A line's usage event, as the governed path meters it. */
    private static UsageEvent usage(
            Caller caller, ModelRef model, ReadyLine line, ModelRef ran, Compute compute, java.time.Instant now) {
        return new UsageEvent(
                caller.tenant(),
                line.requestId(),
                caller.name(),
                model.name(),
                ran.version(),
                compute.rows(),
                BigDecimal.valueOf(compute.millis()).setScale(3, RoundingMode.HALF_UP),
                compute.device(),
                "OK",
                now,
                line.digest());
    }
}
