package org.citymaas.runtime.explain.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.explain.control.ExplainedOutput;
import org.citymaas.runtime.explain.control.Tensors;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.ValidatedRequest;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.InferenceResult;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The rows of one explanation run through the runtime as requests ("parts") of at most the version's batch size,
 * under the explained request's share key, priority and timeout. At most {@link #WINDOW} parts are queued at a
 * time: the first ones at once (a refusal of those throws to the caller before anything ran), each further one
 * when an earlier one completes, so a long explanation (a batch of many rows) neither fills its department's queue
 * nor keeps running after a part failed. The explained output's rows come back in order.
 */
final class Parts {

    /** Parts queued at a time: 1,024 rows at the default batch size, enough to keep every worker busy. */
    static final int WINDOW = 16;

    /** Validated in place of an empty text, then swapped back. */
    private static final String EMPTY_PLACEHOLDER = "-";

    private final ModelRuntime runtime;
    private final InferenceRequest request;
    private final ModelRef version;
    private final List<Tensor> rows;
    private final int total;
    private final int chunk;
    private final ExplainedOutput output;
    private final AtomicReferenceArray<InferenceResult> results;
    private final AtomicInteger next;
    private final AtomicInteger remaining;
    private final CompletableFuture<Ran> done = new CompletableFuture<>();

    private Parts(
            ModelRuntime runtime, ValidatedRequest validated, List<Tensor> rows, int total, ExplainedOutput output) {
        this.runtime = runtime;
        this.request = validated.request();
        this.version = validated.version().ref();
        this.rows = rows;
        this.total = total;
        this.chunk = Math.max(1, runtime.config().maxBatchRows(version.name()));
        this.output = output;
        int parts = (total + chunk - 1) / chunk;
        this.results = new AtomicReferenceArray<>(parts);
        this.next = new AtomicInteger(Math.min(parts, WINDOW));
        this.remaining = new AtomicInteger(parts);
    }

    /** The explained output's values of every row run, and what running them took. */
    record Ran(float[] values, Compute compute) {}

    /**
     * Queues the first parts (throwing what the runtime throws for them) and answers the output's rows with their
     * summed compute.
     */
    static CompletableFuture<Ran> run(
            ModelRuntime runtime, ValidatedRequest validated, List<Tensor> rows, int total, ExplainedOutput output) {
        var parts = new Parts(runtime, validated, rows, total, output);
        int first = parts.next.get();
        if (first == 0) {
            parts.done.complete(new Ran(new float[0], new Compute("cpu()", 0, 0, 0, 0)));
            return parts.done;
        }
        var queued = new ArrayList<CompletableFuture<InferenceResult>>(first);
        for (int i = 0; i < first; i++) {
            queued.add(parts.submit(i));
        }
        for (int i = 0; i < first; i++) {
            parts.whenDone(i, queued.get(i));
        }
        return parts.done;
    }

    private void whenDone(int index, CompletableFuture<InferenceResult> future) {
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            results.set(index, result);
            int k = next.getAndIncrement();
            if (k < results.length() && !done.isDone()) {
                try {
                    whenDone(k, submit(k));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    return;
                }
            }
            if (remaining.decrementAndGet() == 0) {
                done.complete(gather());
            }
        });
    }

    private CompletableFuture<InferenceResult> submit(int index) {
        int from = index * chunk;
        int to = Math.min(total, from + chunk);
        var part = new InferenceRequest(
                request.tenant(), version, Tensors.slice(rows, from, to), request.priority(), request.timeout());
        return runtime.submit(validated(part));
    }

    private Ran gather() {
        float[] out = new float[total * output.width()];
        int at = 0;
        Compute compute = null;
        for (int i = 0; i < results.length(); i++) {
            var result = results.get(i);
            float[] part = result.output(output.name()).floats();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
            compute = compute == null ? result.compute() : compute.plus(result.compute());
        }
        return new Ran(out, compute);
    }

    /**
     * A part validated by the runtime like any request; the empty texts of an occlusion (the baseline, a text
     * without its only token), which a request may not hold, are validated as a placeholder and swapped back in
     * the way the portal swaps in masked text.
     */
    private ValidatedRequest validated(InferenceRequest part) {
        var placeholders = new ArrayList<Tensor>(part.inputs().size());
        boolean blank = false;
        for (Tensor t : part.inputs()) {
            if (t.datatype() == DataType.BYTES) {
                String[] texts = t.strings().clone();
                for (int i = 0; i < texts.length; i++) {
                    if (texts[i].isBlank()) {
                        texts[i] = EMPTY_PLACEHOLDER;
                        blank = true;
                    }
                }
                placeholders.add(new Tensor(t.name(), t.datatype(), t.shape(), texts));
            } else {
                placeholders.add(t);
            }
        }
        if (!blank) {
            return runtime.validate(part);
        }
        return runtime.validate(new InferenceRequest(
                        part.tenant(), part.model(), placeholders, part.priority(), part.timeout()))
                .withText(part.inputs());
    }
}
