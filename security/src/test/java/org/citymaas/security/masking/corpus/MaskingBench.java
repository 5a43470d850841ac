package org.citymaas.security.masking.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.citymaas.security.masking.control.BankCardRecognizer;
import org.citymaas.security.masking.control.DepartmentKeys;
import org.citymaas.security.masking.control.EmailRecognizer;
import org.citymaas.security.masking.control.IdCardRecognizer;
import org.citymaas.security.masking.control.IpAddressRecognizer;
import org.citymaas.security.masking.control.LandlineRecognizer;
import org.citymaas.security.masking.control.MobileRecognizer;
import org.citymaas.security.masking.control.PassportRecognizer;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.PlateRecognizer;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.control.UsccRecognizer;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;

/**
 * The masking benchmark, one thread, on two inputs of 1 KiB texts (UTF-8): the PII-dense corpus
 * sentences (about 15 PII values per text) and hotline complaints ({@code masking/hotline.txt}:
 * mostly plain prose with a name or a number here and there, where names cost the most because
 * every surname character is a candidate). Throughput in MB/s (MB = 10^6 bytes of UTF-8 input)
 * per CPU second of the benchmark thread (what one core does, even on a loaded machine) and per
 * wall-clock second (the median of five one-second rounds), and wall-clock latency percentiles per
 * text, for scanning (all types, and the pattern types without names) and for each operator. Run
 * with {@code ./mvnw -B -q -pl security -am -Pmask-bench -DskipTests verify}.
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
        var texts = kibTexts(Corpus.texts(), 2_000);
        var hotline = kibTexts(hotlineSentences(), 2_000);
        var scanner = new PiiScanner();
        var patterns = new PiiScanner(List.of(
                new IdCardRecognizer(),
                new UsccRecognizer(),
                new MobileRecognizer(),
                new LandlineRecognizer(),
                new BankCardRecognizer(),
                new PassportRecognizer(),
                new IpAddressRecognizer(),
                new EmailRecognizer(),
                new PlateRecognizer()));
        var keys = new DepartmentKeys("benchmark-master-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        var masker = new TextMasker(scanner, keys);
        System.out.printf(
                "%nMasking benchmark: 1 thread, %s %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        var dense = new LinkedHashMap<String, ToIntFunction<String>>();
        dense.put("scan only", t -> scanner.scan(t).size());
        dense.put("scan, pattern types", t -> patterns.scan(t).size());
        dense.put("mask: partial", t -> masker.mask(t).masked().length());
        dense.put("mask: redact", policy(masker, MaskingOperator.REDACT));
        dense.put("mask: pseudonymize", policy(masker, MaskingOperator.PSEUDONYMIZE));
        dense.put("mask: encrypt", policy(masker, MaskingOperator.ENCRYPT));
        var prose = new LinkedHashMap<String, ToIntFunction<String>>();
        prose.put("scan only", t -> scanner.scan(t).size());
        prose.put("scan, pattern types", t -> patterns.scan(t).size());
        prose.put("mask: partial", t -> masker.mask(t).masked().length());
        prose.put("mask: pseudonymize", policy(masker, MaskingOperator.PSEUDONYMIZE));
        table("PII-dense corpus texts", texts, scanner, dense);
        table("hotline texts", hotline, scanner, prose);
    }

    private static void table(
            String input, List<String> texts, PiiScanner scanner, LinkedHashMap<String, ToIntFunction<String>> ops) {
        long bytes = texts.stream()
                .mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf(
                "%n%s: %d texts, %.0f bytes and %.0f chars each on average, %.1f PII values per text%n%n",
                input,
                texts.size(),
                bytes / (double) texts.size(),
                chars / (double) texts.size(),
                texts.stream().mapToInt(t -> scanner.scan(t).size()).sum() / (double) texts.size());
        // every operation is warmed before any is measured, by CPU time: on a busy machine a
        // wall-clock warm-up can end before the JIT has compiled anything
        ops.values().forEach(op -> warm(texts, op));
        System.out.println(
                "| operation           | MB/s CPU | MB/s wall | Mchar/s | p50 us/KiB | p99 us/KiB | p99.9 us/KiB |");
        System.out.println(
                "|---------------------|----------|-----------|---------|------------|------------|--------------|");
        ops.forEach((name, op) -> run(name, texts, bytes, chars, op));
    }

    /** The hotline complaints, one a line: plain prose, the input names are costliest on. */
    static List<String> hotlineSentences() {
        var stream = Objects.requireNonNull(MaskingBench.class.getResourceAsStream("/masking/hotline.txt"));
        try (var in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Sentences, shuffled with a fixed seed and joined until each text holds 1 KiB of UTF-8. */
    static List<String> kibTexts(List<String> source, int count) {
        var sentences = new ArrayList<>(source);
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
