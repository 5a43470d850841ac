package org.citymaas.portal.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code concurrency} threads, each sending its next request when the answer
 * to its last one has come; each thread records into its own HdrHistogram (nanoseconds, 3 significant
 * digits), merged once the threads are done. The warm-up's answers are not recorded. A closed loop
 * waits for a slow answer before sending again, so its percentiles understate what an open-loop arrival
 * of the same rate would see (coordinated omission): read them as service times under that concurrency.
 */
final class ClosedLoop {

    /** One request: its status code (0 for an I/O error); the caller times it. */
    interface Call {
        int send() throws Exception;

        /**
         * The model rows the last answer said it ran (an explanation's {@code rows_run}), or -1 when answers
         * do not say; asked after each 2xx answer of the measured window.
         */
        default long rowsRun() {
            return -1;
        }
    }

    private ClosedLoop() {}

    /**
     * Runs the cell.
     *
     * @param calls gives each thread its own {@link Call}
     */
    static CellResult run(
            String name, int concurrency, int rowsPerRequest, double warmup, double seconds, Supplier<Call> calls)
            throws InterruptedException {
        var measuring = new AtomicBoolean();
        var stop = new AtomicBoolean();
        var histograms = new ArrayList<Histogram>();
        var refusals = new ArrayList<Map<Integer, Long>>();
        var rowsRun = new ArrayList<long[]>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < concurrency; i++) {
            var histogram = new Histogram(3);
            var refused = new HashMap<Integer, Long>();
            histograms.add(histogram);
            refusals.add(refused);
            var ran = new long[2];
            rowsRun.add(ran);
            var call = calls.get();
            var thread = new Thread(() -> loop(call, measuring, stop, histogram, refused, ran), "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep((long) (warmup * 1000));
        var load = MachineLoad.now();
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double othersCpu = MachineLoad.now().othersPercentSince(load);
        double measured = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (var thread : threads) {
            thread.join();
        }
        var all = new Histogram(3);
        histograms.forEach(all::add);
        var refused = new HashMap<Integer, Long>();
        refusals.forEach(r -> r.forEach((status, count) -> refused.merge(status, count, Long::sum)));
        long modelRows = 0;
        for (var ran : rowsRun) {
            modelRows = modelRows < 0 || ran[1] > 0 ? -1 : modelRows + ran[0];
        }
        return new CellResult(name, concurrency, rowsPerRequest, measured, all, refused, othersCpu, modelRows);
    }

    /**
     * @param ran this thread's model rows run by its measured 2xx answers ({@code [0]}) and how many of those
     *     answers did not say ({@code [1]})
     */
    private static void loop(
            Call call,
            AtomicBoolean measuring,
            AtomicBoolean stop,
            Histogram histogram,
            Map<Integer, Long> refused,
            long[] ran) {
        while (!stop.get()) {
            long t0 = System.nanoTime();
            int status;
            try {
                status = call.send();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                status = 0;
            }
            long nanos = System.nanoTime() - t0;
            // a request counts when its answer came inside the measured window (throughput = completions)
            if (measuring.get()) {
                if (status >= 200 && status < 300) {
                    histogram.recordValue(nanos);
                    long rows = call.rowsRun();
                    if (rows >= 0) {
                        ran[0] += rows;
                    } else {
                        ran[1]++;
                    }
                } else {
                    refused.merge(status, 1L, Long::sum);
                }
            }
        }
    }

    static List<Integer> concurrencies(String text) {
        var list = new ArrayList<Integer>();
        for (var part : text.split(",")) {
            list.add(Integer.parseInt(part.trim()));
        }
        return list;
    }
}
