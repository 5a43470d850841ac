package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.DeadlineExceededException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * A worker thread of the device: takes a batch, runs it on a runner of the model version and answers
 * each request with its rows and its share of the batch's execution time.
 */
public final class BatchWorker implements Runnable {

    /** A worker returns to the queues after at most this many more completions: not worth waking another. */
    static final int COMING_BACK = 4;

    private static final ThreadLocal<int[]> COMPLETIONS_LEFT = ThreadLocal.withInitial(() -> new int[] {-1});

    private final BatchQueue queues;
    private final BatchInputs batchInputs;
    private final ModelResidency residency;
    private final RuntimeMeter meter;
    private final String device;

    public BatchWorker(BatchQueue queues, ModelResidency residency, RuntimeMeter meter, String device) {
        this(queues, residency, meter, device, BatchInputs.STACK);
    }

    public BatchWorker(
            BatchQueue queues, ModelResidency residency, RuntimeMeter meter, String device, BatchInputs batchInputs) {
        this.batchInputs = batchInputs;
        this.queues = queues;
        this.residency = residency;
        this.meter = meter;
        this.device = device;
    }

    /**
     * Whether the calling thread is a worker completing its batch with few completions left, so it asks the
     * queues for the next batch a moment from now.
     */
    static boolean comingBackSoon() {
        int left = COMPLETIONS_LEFT.get()[0];
        return left >= 0 && left <= COMING_BACK;
    }

    @Override
    public void run() {
        int[] completionsLeft = COMPLETIONS_LEFT.get();
        var expired = new ArrayList<PendingRequest>();
        while (true) {
            Batch batch;
            try {
                batch = queues.next(expired);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            expire(expired);
            if (batch == null) {
                return;
            }
            long executionNanos = 0;
            try {
                if (!batch.requests().isEmpty()) {
                    executionNanos = execute(batch, completionsLeft);
                }
            } finally {
                completionsLeft[0] = -1;
                residency.release(batch.model());
                queues.done(batch, executionNanos);
            }
        }
    }

    private void expire(List<PendingRequest> expired) {
        for (PendingRequest r : expired) {
            meter.expired();
            r.future()
                    .completeExceptionally(new DeadlineExceededException("the deadline of a request of " + r.tenant()
                            + " for " + r.version().ref() + " passed while it was queued"));
        }
        expired.clear();
    }

    /** Runs and answers the batch; returns how long the engine ran it (0 when it failed). */
    private long execute(Batch batch, int[] completionsLeft) {
        List<PendingRequest> requests = batch.requests();
        ModelResidency.Entry entry = batch.model();
        try {
            var inputs = new ArrayList<List<Tensor>>(requests.size());
            requests.forEach(r -> inputs.add(r.modelInputs()));
            BatchRunner runner = entry.borrowRunner();
            long start = System.nanoTime();
            List<Tensor> outputs;
            try {
                outputs = runner.run(batchInputs.stack(batch.version(), inputs));
            } finally {
                entry.returnRunner(runner);
            }
            long end = System.nanoTime();
            double batchMillis = (end - start) / 1e6;
            meter.batchRows.observe(batch.rows());
            int from = 0;
            Histogram latency = meter.latency(batch.version().ref());
            int left = requests.size();
            for (PendingRequest r : requests) {
                completionsLeft[0] = --left;
                var compute = new Compute(
                        device,
                        batchMillis * r.rows() / batch.rows(),
                        r.rows(),
                        batch.rows(),
                        (start - r.enqueuedNanos()) / 1e6);
                var result = new InferenceResult(
                        batch.version().ref(), BatchAssembler.slice(outputs, from, r.rows(), batch.rows()), compute);
                from += r.rows();
                meter.completed.increment();
                latency.observe((System.nanoTime() - r.enqueuedNanos()) / 1e6);
                r.future().complete(result);
            }
            return end - start;
        } catch (RuntimeException e) {
            fail(
                    requests,
                    e instanceof ModelRuntimeException ? e : new ModelRuntimeException("inference failed: " + e, e));
            return 0;
        } catch (Error e) {
            // no caller waits forever, even when the native engine breaks down
            fail(requests, new ModelRuntimeException("inference failed: " + e, e));
            throw e;
        }
    }

    private void fail(List<PendingRequest> requests, RuntimeException e) {
        for (PendingRequest r : requests) {
            meter.failed();
            r.future().completeExceptionally(e);
        }
    }
}
