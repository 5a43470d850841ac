package org.citymaas.runtime.scheduler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.citymaas.runtime.QueueFullException;
import org.citymaas.runtime.RuntimeClosedException;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.inference.entity.Priority;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queueing policy alone, on a stand-in engine; the real engine runs in the integration tests. */
class BatchQueueTest {

    private static final ShareKey FLOOD = ShareKey.of("transport");
    private static final ShareKey TRICKLE = ShareKey.of("health");
    private static final ModelVersion MODEL = version("m");
    private static final ModelVersion OTHER = version("n");

    private final ModelResidency residency = new ModelResidency(new InstantEngine(), Long.MAX_VALUE, (v, e) -> {});

    private static ModelVersion version(String name) {
        var card = new ModelCard(name, "1", "d", "t", "t", "u", null, null, null, null, null, null, null, null);
        return new ModelVersion(card, Path.of(name), true, 1);
    }

    @AfterEach
    void close() {
        residency.close();
    }

    private BatchQueue queues(Map<ShareKey, Double> weights, int capacity, int maxBatch) {
        residency.load(MODEL);
        residency.load(OTHER);
        return new BatchQueue(weights, 1.0, capacity, maxBatch, 0, residency);
    }

    private static PendingRequest request(ShareKey tenant, ModelVersion v, int rows, Priority p, long timeoutNanos) {
        long now = System.nanoTime();
        var t = Tensor.fp32("x", new long[] {rows, 1}, new float[rows]);
        return new PendingRequest(tenant, v, List.of(t), rows, p, now, now + timeoutNanos, new CompletableFuture<>());
    }

    private static PendingRequest request(ShareKey tenant) {
        return request(tenant, MODEL, 1, Priority.NORMAL, TimeUnit.MINUTES.toNanos(1));
    }

    private List<ShareKey> serveOneByOne(BatchQueue q, int n) throws InterruptedException {
        var order = new ArrayList<ShareKey>();
        for (int i = 0; i < n; i++) {
            Batch b = q.next(new ArrayList<>());
            order.add(b.requests().get(0).tenant());
            residency.release(b.model());
            q.done(b);
        }
        return order;
    }

    @Test
    void servesAFloodedTenantAndATrickleTenantAlternately() throws InterruptedException {
        var q = queues(Map.of(), 100, 1);
        for (int i = 0; i < 12; i++) {
            q.enqueue(request(FLOOD));
        }
        for (int i = 0; i < 4; i++) {
            q.enqueue(request(TRICKLE));
        }
        List<ShareKey> order = serveOneByOne(q, 16);
        assertThat(order.subList(0, 8)).containsExactly(FLOOD, TRICKLE, FLOOD, TRICKLE, FLOOD, TRICKLE, FLOOD, TRICKLE);
    }

    @Test
    void cutsFloodBatchesToAQuarterAndRunsALightTenantInABatchOfItsOwnWhileBothWait() throws InterruptedException {
        var q = queues(Map.of(), 1000, 64);
        for (int i = 0; i < 300; i++) {
            q.enqueue(request(FLOOD));
        }
        Batch flood = q.next(new ArrayList<>());
        assertThat(flood.rows()).isEqualTo(64);
        residency.release(flood.model());
        q.done(flood);
        var trickle = request(TRICKLE);
        q.enqueue(trickle);

        // the trickle tenant joins at the flood's virtual time and goes first, alone
        Batch own = q.next(new ArrayList<>());
        assertThat(own.requests())
                .as("a light tenant runs in a batch of its own rows")
                .containsExactly(trickle);
        residency.release(own.model());
        q.done(own);

        // now a row ahead of the flood in virtual time: the flood goes first, in a quarter batch
        var second = request(TRICKLE);
        q.enqueue(second);
        Batch cut = q.next(new ArrayList<>());
        assertThat(cut.rows())
                .as("the flood's batch while a light tenant waits")
                .isEqualTo(16);
        assertThat(cut.requests()).contains(second);
        residency.release(cut.model());
        q.done(cut);

        Batch after = q.next(new ArrayList<>());
        assertThat(after.rows()).as("the flood alone gets full batches again").isEqualTo(64);
    }

    /**
     * Two workers under a flood whose full batches took {@code fullBatchNanos}: one worker runs a full batch
     * (returned, still running) and the other has just run a trickle tenant's request in a batch of its own.
     */
    private Batch floodWithATrickleJustServed(BatchQueue q, long fullBatchNanos) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            q.enqueue(request(FLOOD));
        }
        Batch measured = q.next(new ArrayList<>());
        residency.release(measured.model());
        q.done(measured, fullBatchNanos);

        Batch longOne = q.next(new ArrayList<>());
        assertThat(longOne.rows()).isEqualTo(64);
        q.enqueue(request(TRICKLE));
        Batch own = q.next(new ArrayList<>());
        assertThat(own.requests()).extracting(PendingRequest::tenant).containsExactly(TRICKLE);
        residency.release(own.model());
        q.done(own, fullBatchNanos / 64);
        return longOne;
    }

    private BatchQueue twoWorkers() {
        residency.load(MODEL);
        residency.load(OTHER);
        return new BatchQueue(Map.of(), 1.0, 1000, ref -> 64, 0, residency, 2);
    }

    @Test
    void whileALightTenantWasActiveAMomentAgoOnlyOneWorkerRunsLongBatchesOfASlowModel() throws InterruptedException {
        var q = twoWorkers();
        long slow = TimeUnit.MILLISECONDS.toNanos(1);
        Batch longOne = floodWithATrickleJustServed(q, slow);

        Batch beside = q.next(new ArrayList<>());
        assertThat(beside.rows())
                .as("the trickle's queue is empty, but it was active and a long batch runs")
                .isEqualTo(16);
        residency.release(beside.model());
        q.done(beside, slow / 4);
        residency.release(longOne.model());
        q.done(longOne, slow);

        Batch next = q.next(new ArrayList<>());
        assertThat(next.rows()).as("no long batch runs: this one may be").isEqualTo(64);
        assertThat(q.next(new ArrayList<>()).rows()).isEqualTo(16);
    }

    @Test
    void aModelWhoseFullBatchIsOverInAMomentKeepsFullBatchesBesideALightTenant() throws InterruptedException {
        var q = twoWorkers();
        floodWithATrickleJustServed(q, TimeUnit.MICROSECONDS.toNanos(80));

        assertThat(q.next(new ArrayList<>()).rows())
                .as("beside the running long batch, another long one")
                .isEqualTo(64);
    }

    @Test
    void splitsABacklogOfLessThanTwoFullBatchesAmongTheIdleWorkers() throws InterruptedException {
        residency.load(MODEL);
        residency.load(OTHER);
        var q = new BatchQueue(Map.of(), 1.0, 1000, ref -> 64, TimeUnit.HOURS.toNanos(1), residency, 2);
        for (int i = 0; i < 64; i++) {
            q.enqueue(request(FLOOD));
        }
        Batch first = q.next(new ArrayList<>());
        assertThat(first.rows())
                .as("half of the backlog, the other worker takes the rest")
                .isEqualTo(32);
        Batch second = q.next(new ArrayList<>());
        assertThat(second.rows())
                .as("taken at once although the delay is an hour: it is this worker's share")
                .isEqualTo(32);
        residency.release(first.model());
        q.done(first);
        residency.release(second.model());
        q.done(second);

        for (int i = 0; i < 200; i++) {
            q.enqueue(request(FLOOD));
        }
        assertThat(q.next(new ArrayList<>()).rows())
                .as("a backlog over two batches gets full ones")
                .isEqualTo(64);
    }

    @Test
    void aWorkerTakesTheWholeBacklogWhileTheOtherRunsAnotherModel() throws InterruptedException {
        residency.load(MODEL);
        residency.load(OTHER);
        var q = new BatchQueue(Map.of(), 1.0, 1000, ref -> 64, TimeUnit.HOURS.toNanos(1), residency, 2);
        q.enqueue(request(TRICKLE, OTHER, 1, Priority.NORMAL, TimeUnit.MINUTES.toNanos(1)));
        Batch other = q.next(new ArrayList<>());
        assertThat(other.version()).isEqualTo(OTHER);
        for (int i = 0; i < 40; i++) {
            q.enqueue(request(FLOOD));
        }
        Batch all = q.next(new ArrayList<>());
        assertThat(all.rows()).as("no other worker is free to share it").isEqualTo(40);
    }

    @Test
    void keepsFullBatchesWhenEveryWaitingTenantHasALargeBacklog() throws InterruptedException {
        var q = queues(Map.of(), 1000, 64);
        for (int i = 0; i < 100; i++) {
            q.enqueue(request(FLOOD));
            q.enqueue(request(TRICKLE));
        }
        Batch b = q.next(new ArrayList<>());
        assertThat(b.rows()).isEqualTo(64);
        assertThat(b.requests()).extracting(PendingRequest::tenant).contains(FLOOD, TRICKLE);
    }

    @Test
    void sharesRowsInProportionToTheWeights() throws InterruptedException {
        var q = queues(Map.of(FLOOD, 3.0), 100, 1);
        for (int i = 0; i < 20; i++) {
            q.enqueue(request(FLOOD));
            q.enqueue(request(TRICKLE));
        }
        List<ShareKey> first = serveOneByOne(q, 16);
        assertThat(first.stream().filter(FLOOD::equals).count()).isEqualTo(12);
    }

    @Test
    void aTenantThatWasIdleEarnsNoCredit() throws InterruptedException {
        var q = queues(Map.of(), 100, 1);
        for (int i = 0; i < 10; i++) {
            q.enqueue(request(FLOOD));
        }
        serveOneByOne(q, 6);
        for (int i = 0; i < 6; i++) {
            q.enqueue(request(TRICKLE));
        }
        assertThat(serveOneByOne(q, 4)).containsExactly(FLOOD, TRICKLE, FLOOD, TRICKLE);
    }

    @Test
    void servesHigherPriorityFirstInsideATenant() throws InterruptedException {
        var q = queues(Map.of(), 100, 1);
        var low = request(FLOOD, MODEL, 1, Priority.LOW, TimeUnit.MINUTES.toNanos(1));
        var high = request(FLOOD, MODEL, 1, Priority.HIGH, TimeUnit.MINUTES.toNanos(1));
        q.enqueue(low);
        q.enqueue(request(FLOOD));
        q.enqueue(high);
        Batch b = q.next(new ArrayList<>());
        assertThat(b.requests()).containsExactly(high);
    }

    @Test
    void batchesOneModelUpToTheMaximumRows() throws InterruptedException {
        var q = queues(Map.of(), 100, 8);
        for (int i = 0; i < 5; i++) {
            q.enqueue(request(FLOOD, MODEL, 3, Priority.NORMAL, TimeUnit.MINUTES.toNanos(1)));
        }
        q.enqueue(request(TRICKLE, OTHER, 1, Priority.NORMAL, TimeUnit.MINUTES.toNanos(1)));
        Batch first = q.next(new ArrayList<>());
        assertThat(first.version()).isEqualTo(MODEL);
        assertThat(first.rows()).isEqualTo(6);
        assertThat(first.requests()).hasSize(2);
    }

    @Test
    void runsAPartialBatchAtOnceWhenNoOtherWorkerIsBusy() throws InterruptedException {
        residency.load(MODEL);
        var q = new BatchQueue(Map.of(), 1.0, 100, 64, TimeUnit.HOURS.toNanos(1), residency);
        q.enqueue(request(FLOOD));
        assertThat(q.next(new ArrayList<>()).rows()).isEqualTo(1);
    }

    @Test
    void waitsForAFullBatchWhileAnotherWorkerIsBusy() throws Exception {
        residency.load(MODEL);
        var q = new BatchQueue(Map.of(), 1.0, 100, 2, TimeUnit.HOURS.toNanos(1), residency);
        q.enqueue(request(FLOOD));
        Batch running = q.next(new ArrayList<>());
        assertThat(running.rows()).isEqualTo(1);
        q.enqueue(request(FLOOD));
        var next = CompletableFuture.supplyAsync(() -> {
            try {
                return q.next(new ArrayList<>());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(next)
                .as("a one-row batch waits while the other worker is busy")
                .isNotDone();
        q.enqueue(request(TRICKLE));
        assertThat(next.get(10, TimeUnit.SECONDS).rows()).isEqualTo(2);
    }

    @Test
    void rejectsAtOnceWhenATenantsQueueIsFull() {
        var q = queues(Map.of(), 2, 1);
        q.enqueue(request(FLOOD));
        q.enqueue(request(FLOOD));
        assertThatThrownBy(() -> q.enqueue(request(FLOOD)))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("transport");
        q.enqueue(request(TRICKLE));
        assertThat(q.depths()).hasSize(2);
    }

    @Test
    void handsOutExpiredRequestsInsteadOfRunningThem() throws InterruptedException {
        var q = queues(Map.of(), 10, 4);
        var stale = request(FLOOD, MODEL, 1, Priority.NORMAL, -1);
        var fresh = request(TRICKLE);
        q.enqueue(stale);
        q.enqueue(fresh);
        var expired = new ArrayList<PendingRequest>();
        Batch b = q.next(expired);
        assertThat(b.requests()).containsExactly(fresh);
        assertThat(expired).containsExactly(stale);
    }

    @Test
    void refusesNewRequestsOnceClosedAndEndsWhenDrained() throws InterruptedException {
        var q = queues(Map.of(), 10, 4);
        q.enqueue(request(FLOOD));
        q.close();
        assertThatThrownBy(() -> q.enqueue(request(FLOOD))).isInstanceOf(RuntimeClosedException.class);
        Batch last = q.next(new ArrayList<>());
        assertThat(last.requests()).hasSize(1);
        residency.release(last.model());
        q.done(last);
        assertThat(q.next(new ArrayList<>())).isNull();
    }

    /** Loads instantly and echoes its input. */
    private static final class InstantEngine implements InferenceEngine {
        @Override
        public String device() {
            return "test()";
        }

        @Override
        public LoadedModel load(ModelVersion version) {
            return new LoadedModel() {
                @Override
                public BatchRunner newRunner() {
                    return new BatchRunner() {
                        @Override
                        public List<Tensor> run(List<Tensor> inputs) {
                            return inputs;
                        }

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public void close() {}
            };
        }
    }
}
