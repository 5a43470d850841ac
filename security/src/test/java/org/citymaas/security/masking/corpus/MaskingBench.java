package org.citymaas.security.masking.corpus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.citymaas.security.masking.control.DepartmentKeys;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;

/**
 * The masking benchmark, one thread: texts of 1 KiB (UTF-8) built from the corpus sentences (about
 * 15 PII values per text), then throughput in MB/s (MB = 10^6 bytes of UTF-8 input) per CPU second
 * of the benchmark thread (what one core does, even on a loaded machine) and per wall-clock second (the median of five one-second rounds),
 * and wall-clock latency percentiles per text, for scanning only and for each operator. Run with {@code ./mvnw -B
 * -q -pl security -am -Pmask-bench -DskipTests verify}.
 */
public final class MaskingBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int TEXT_BYTES = 1024;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 5;
    private static final int LATENCY_SAMPLES = 100_000;

    private MaskingBench() {}

    public static void main(String[] args) {
        var texts = kibTexts(2_000);
        var scanner = new PiiScanner();
        var keys = new DepartmentKeys("benchmark-master-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        var masker = new TextMasker(scanner, keys);
        long bytes = texts.stream()
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf(
                "%nMasking benchmark: %d texts, %.0f bytes and %.0f chars each on average, %d PII values per text,"
                        + " 1 thread, %s %s%n%n",
                texts.size(),
                bytes / (double) texts.size(),
                chars / (double) texts.size(),
                texts.stream().mapToInt(t -> scanner.scan(t).size()).sum() / texts.size(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        var ops = new LinkedHashMap<String, ToIntFunction<String>>();
        ops.put("scan only", t -> scanner.scan(t).size());
        ops.put("mask: partial", t -> masker.mask(t).masked().length());
        ops.put("mask: redact", policy(masker, MaskingOperator.REDACT));
        ops.put("mask: pseudonymize", policy(masker, MaskingOperator.PSEUDONYMIZE));
        ops.put("mask: encrypt", policy(masker, MaskingOperator.ENCRYPT));
        // every operation is warmed before any is measured, by CPU time: on a busy machine a
        // wall-clock warm-up can end before the JIT has compiled anything
        ops.values().forEach(op -> warm(texts, op));
        System.out.println(
                "| operation           | MB/s CPU | MB/s wall | Mchar/s | p50 us/KiB | p99 us/KiB | p99.9 us/KiB |");
        System.out.println(
                "|---------------------|----------|-----------|---------|------------|------------|--------------|");
        ops.forEach((name, op) -> run(name, texts, bytes, chars, op));
    }

    private static void warm(List<String> texts, ToIntFunction<String> op) {
        long sink = 0;
        long end = THREADS.getCurrentThreadCpuTime() + WARMUP_NANOS;
        while (THREADS.getCurrentThreadCpuTime() < end) {
            for (var t : texts) {
                sink += op.applyAsInt(t);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static ToIntFunction<String> policy(TextMasker masker, MaskingOperator operator) {
        var policy = MaskingPolicy.uniform(operator);
        return t -> masker.mask("transport", t, policy).masked().length();
    }

    private static void run(String name, List<String> texts, long bytes, long chars, ToIntFunction<String> op) {
        long sink = 0;
        var cpuRates = new double[ROUNDS];
        var wallRates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long passes = 0;
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long elapsed;
            do {
                for (var t : texts) {
                    sink += op.applyAsInt(t);
                }
                passes++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < ROUND_NANOS);
            cpuRates[round] = passes * bytes / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9) / 1e6;
            wallRates[round] = passes * bytes / (elapsed / 1e9) / 1e6;
        }
        Arrays.sort(cpuRates);
        Arrays.sort(wallRates);
        double cpuRate = cpuRates[ROUNDS / 2];
        var samples = new long[LATENCY_SAMPLES];
        for (int i = 0; i < samples.length; i++) {
            var t = texts.get(i % texts.size());
            long t0 = System.nanoTime();
            sink += op.applyAsInt(t);
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        System.out.printf(
                "| %-19s | %8.1f | %9.1f | %7.1f | %10.2f | %10.2f | %12.2f |%n",
                name,
                cpuRate,
                wallRates[ROUNDS / 2],
                cpuRate * chars / bytes,
                samples[samples.length / 2] / 1e3,
                samples[(int) (samples.length * 0.99)] / 1e3,
                samples[(int) (samples.length * 0.999)] / 1e3);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Corpus sentences, shuffled with a fixed seed and joined until each text holds 1 KiB of UTF-8. */
    static List<String> kibTexts(int count) {
        var sentences = new ArrayList<>(Corpus.texts());
        sentences.removeIf(String::isEmpty);
        var random = new Random(Corpus.SEED);
        var texts = new ArrayList<String>(count);
        var sb = new StringBuilder();
        int bytes = 0;
        while (texts.size() < count) {
            Collections.shuffle(sentences, random);
            for (var s : sentences) {
                int b = s.getBytes(StandardCharsets.UTF_8).length;
                if (bytes + b > TEXT_BYTES) {
                    for (; bytes + 3 <= TEXT_BYTES; bytes += 3) {
                        sb.append('。');
                    }
                    for (; bytes < TEXT_BYTES; bytes++) {
                        sb.append(' ');
                    }
                    texts.add(sb.toString());
                    sb.setLength(0);
                    bytes = 0;
                    if (texts.size() == count) {
                        break;
                    }
                }
                sb.append(s);
                bytes += b;
            }
        }
        return texts;
    }
}
