package org.citymaas.portal.profiling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells the benchmark's phases apart from the samples alone, second by second: a second in which the
 * governed infer resource ran is {@code INFER}, one in which batch chunks ran is {@code BATCH}, one with
 * requests (Jersey) but neither is {@code NOOP} (the authenticated no-op), deployment is {@code STARTUP}.
 */
enum Phases {
    STARTUP,
    NOOP,
    INFER,
    BATCH,
    IDLE;

    private static final int MARKERS = 3;
    private static final int REQUESTS = 10;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A run of seconds of one phase. */
    record Run(Phases phase, long fromSecond, long toSecond) {
        long seconds() {
            return toSecond - fromSecond + 1;
        }

        @Override
        public String toString() {
            return TIME.format(Instant.ofEpochSecond(fromSecond)) + "-" + TIME.format(Instant.ofEpochSecond(toSecond))
                    + " " + phase + " (" + seconds() + " s)";
        }
    }

    /** Each second's phase, from the samples (seconds since the epoch). */
    static Map<Long, Phases> label(List<ProfileData.Sample> samples) {
        var counts = new TreeMap<Long, EnumMap<Phases, Integer>>();
        for (var sample : samples) {
            var phase = marker(sample.methods());
            if (phase != null) {
                counts.computeIfAbsent(sample.millis() / 1000, s -> new EnumMap<>(Phases.class))
                        .merge(phase, 1, Integer::sum);
            }
        }
        var labels = new TreeMap<Long, Phases>();
        counts.forEach((second, count) -> {
            Phases phase;
            if (count.getOrDefault(INFER, 0) >= MARKERS) {
                phase = INFER;
            } else if (count.getOrDefault(BATCH, 0) >= MARKERS) {
                phase = BATCH;
            } else if (count.getOrDefault(STARTUP, 0) >= MARKERS) {
                phase = STARTUP;
            } else if (count.getOrDefault(NOOP, 0) >= REQUESTS) {
                phase = NOOP;
            } else {
                phase = IDLE;
            }
            labels.put(second, phase);
        });
        return labels;
    }

    /** Consecutive seconds of one phase, in time order. */
    static List<Run> runs(Map<Long, Phases> labels) {
        var runs = new ArrayList<Run>();
        Run current = null;
        for (var entry : new TreeMap<>(labels).entrySet()) {
            if (current != null && current.phase() == entry.getValue() && entry.getKey() <= current.toSecond() + 2) {
                current = new Run(current.phase(), current.fromSecond(), entry.getKey());
            } else {
                if (current != null) {
                    runs.add(current);
                }
                current = new Run(entry.getValue(), entry.getKey(), entry.getKey());
            }
        }
        if (current != null) {
            runs.add(current);
        }
        return runs;
    }

    private static Phases marker(List<String> methods) {
        Phases found = null;
        for (var method : methods) {
            if (method.endsWith("InferenceResource.infer") || method.endsWith("InferenceResource.explain")) {
                return INFER;
            }
            if (method.startsWith("org.citymaas.portal.batch.boundary.LineChunks")
                    || method.startsWith("org.citymaas.portal.batch.boundary.ChunkRunner")
                    || method.startsWith("org.citymaas.portal.batch.boundary.JobLines")) {
                return BATCH;
            }
            if (method.startsWith("org.glassfish.deployment.")
                    || method.startsWith("com.sun.enterprise.v3.server.ApplicationLifecycle")
                    || method.startsWith("org.jboss.weld.bootstrap.")) {
                return STARTUP;
            }
            if (method.startsWith("org.glassfish.jersey.server.")) {
                found = NOOP;
            }
        }
        return found;
    }
}
