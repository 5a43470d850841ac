package org.citymaas.portal.profiling;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Prints where a portal JVM's time went in a Java Flight Recording, per benchmark phase, as Markdown:
 * CPU samples by {@link Layer}, the top methods by self samples, samples in native code, GC pauses and
 * JIT time, lock and park waits of the portal's code, and the PostgreSQL driver's socket reads (one per
 * round trip) by the portal method that asked. Run (after {@code ./mvnw -o -pl portal-web test-compile}):
 *
 * <pre>java -cp portal-web/target/test-classes org.citymaas.portal.profiling.JfrSummary rec.jfr [--phases=NOOP,INFER,BATCH | --window=2026-12-08T02:00:00Z/2026-12-08T02:01:00Z] [--top=15]
 * [--with=V2Codec,RequestDigest]</pre>
 *
 * A recording of the benchmark: {@code JAVA_TOOL_OPTIONS='-XX:StartFlightRecording=filename=<dir>/rec-%p.jfr,
 * settings=profile,dumponexit=true'} on the benchmark's command (portal-web/README.md).
 */
public final class JfrSummary {

    private JfrSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println(
                    "usage: JfrSummary <recording.jfr> [--phases=NOOP,INFER,BATCH | --window=<from>/<to>] [--top=15] [--with=frame,...]");
            System.exit(2);
        }
        Set<Phases> phases = EnumSet.of(Phases.NOOP, Phases.INFER, Phases.BATCH);
        int top = 15;
        List<String> with = List.of();
        String[] window = null;
        for (var arg : args) {
            if (arg.startsWith("--phases=")) {
                phases = EnumSet.noneOf(Phases.class);
                for (var name : arg.substring("--phases=".length()).split(",")) {
                    phases.add(Phases.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                }
            } else if (arg.startsWith("--with=")) {
                with = List.of(arg.substring("--with=".length()).split(","));
            } else if (arg.startsWith("--window=")) {
                window = arg.substring("--window=".length()).split("/");
            } else if (arg.startsWith("--top=")) {
                top = Integer.parseInt(arg.substring("--top=".length()));
            }
        }
        var data = ProfileData.read(Path.of(args[0]));
        if (window != null) {
            long from = Instant.parse(window[0]).toEpochMilli();
            long to = Instant.parse(window[1]).toEpochMilli();
            var out = new StringBuilder();
            LongPredicate inWindow = millis -> millis >= from && millis < to;
            section(out, window[0] + " to " + window[1], data, inWindow, Math.max(1, (to - from) / 1000), top);
            inclusive(out, data, inWindow, with);
            System.out.print(out);
        } else {
            System.out.print(summarize(data, phases, top, with));
        }
    }

    /** The whole report: the phases found, then one section per phase asked for. */
    static String summarize(ProfileData data, Set<Phases> phases, int top, List<String> with) {
        var out = new StringBuilder();
        var labels = Phases.label(data.samples());
        out.append("Phases found (UTC): ")
                .append(Phases.runs(labels).stream()
                        .filter(run -> run.seconds() > 1)
                        .map(Phases.Run::toString)
                        .collect(Collectors.joining("; ")))
                .append("\n\n");
        for (var phase : phases) {
            LongPredicate inPhase = millis -> labels.get(millis / 1000) == phase;
            var seconds = labels.values().stream().filter(p -> p == phase).count();
            if (seconds > 0) {
                section(out, phase.name() + ", " + seconds + " s", data, inPhase, seconds, top);
                inclusive(out, data, inPhase, with);
            }
        }
        return out.toString();
    }

    /** One phase (or any selection of time): what the summary says of it. */
    static void section(StringBuilder out, String title, ProfileData data, LongPredicate when, long seconds, int top) {
        var cpu = data.samples().stream()
                .filter(s -> !s.inNative() && when.test(s.millis()))
                .toList();
        var inNative = data.samples().stream()
                .filter(s -> s.inNative() && when.test(s.millis()))
                .toList();
        out.append("### ").append(title).append("\n\n");
        var load = data.cpuLoad().stream().filter(g -> when.test(g.millis())).toList();
        if (!load.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "CPU (jdk.CPULoad, mean of %d readings): this JVM %.0f%% of the machine in user mode and %.0f%% in"
                            + " the kernel (sockets: HTTP and PostgreSQL on loopback), the machine %.0f%%. CPU samples"
                            + " (below) see Java code only: %d in %d s.%n%n",
                    load.size(),
                    100 * mean(load, ProfileData.Gauge::value),
                    100 * mean(load, ProfileData.Gauge::system),
                    100 * mean(load, ProfileData.Gauge::other),
                    cpu.size(),
                    seconds));
        }
        out.append("| layer | CPU samples | share |\n|---|---:|---:|\n");
        var byLayer = new EnumMap<Layer, Integer>(Layer.class);
        cpu.forEach(s -> byLayer.merge(Layer.ofStack(s.types()), 1, Integer::sum));
        byLayer.entrySet().stream()
                .sorted(Map.Entry.<Layer, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(row(e.getKey().label, e.getValue(), cpu.size())));
        out.append(row("**all**", cpu.size(), cpu.size())).append('\n');

        var others = new HashMap<String, Integer>();
        cpu.stream()
                .filter(s -> Layer.ofStack(s.types()) == Layer.OTHER)
                .forEach(s -> others.merge(Layer.owner(s.types()), 1, Integer::sum));
        if (!others.isEmpty()) {
            out.append("Other libraries, by the package charged: ")
                    .append(top(others, 8))
                    .append(".\n\n");
        }

        var packages = new HashMap<String, Integer>();
        cpu.forEach(s -> packages.merge(Layer.ownerPackage(s.types()), 1, Integer::sum));
        out.append("By the package charged (the first frame that is not a general JDK class): ")
                .append(top(packages, 12))
                .append(".\n\n");

        out.append("Top ")
                .append(top)
                .append(" methods by self samples (charged to: the frame that names the layer):")
                .append("\n\n| method | charged to | layer | self samples | share |\n|---|---|---|---:|---:|\n");
        var self = new HashMap<String, Integer>();
        var selfOwner = new HashMap<String, Map<String, Integer>>();
        for (var s : cpu) {
            var method = s.methods().get(0);
            self.merge(method, 1, Integer::sum);
            selfOwner
                    .computeIfAbsent(method, m -> new HashMap<>())
                    .merge(
                            Layer.ownerMethod(s.types(), s.methods()) + "|"
                                    + Layer.ofStack(s.types()).name(),
                            1,
                            Integer::sum);
        }
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> {
                    var owner = selfOwner.get(e.getKey()).entrySet().stream()
                            .max(Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey()
                            .split("\\|");
                    out.append(String.format(
                            Locale.ROOT,
                            "| `%s` | `%s` | %s | %d | %.1f%% |%n",
                            e.getKey(),
                            owner[0],
                            owner[1],
                            e.getValue(),
                            100.0 * e.getValue() / cpu.size()));
                });
        out.append('\n');

        var nativeByLayer = new EnumMap<Layer, Integer>(Layer.class);
        inNative.forEach(s -> nativeByLayer.merge(Layer.ofStack(s.types()), 1, Integer::sum));
        out.append(String.format(
                Locale.ROOT,
                "Threads in native code (jdk.NativeMethodSample, mostly waiting on sockets): %d samples, %d of them"
                        + " in the model runtime (TensorFlow runs there; its own threads are not sampled).%n%n",
                inNative.size(),
                nativeByLayer.getOrDefault(Layer.RUNTIME, 0)));

        var pauses = data.gcPauses().stream().filter(t -> when.test(t.millis())).toList();
        var pauseMillis = pauses.stream().mapToLong(ProfileData.Timed::nanos).sum() / 1e6;
        var compile =
                data.compileMillis().stream().filter(g -> when.test(g.millis())).toList();
        var compileMillis =
                compile.stream().mapToDouble(ProfileData.Gauge::value).sum();
        out.append(String.format(
                Locale.ROOT,
                "GC: %d pauses, %.0f ms in all (%.2f%% of the phase's wall time). JIT: %d compilations over the"
                        + " recording's threshold (100 ms with settings=profile), %.0f ms.%n%n",
                pauses.size(),
                pauseMillis,
                pauseMillis / (10.0 * seconds),
                compile.size(),
                compileMillis));

        waits(
                out,
                data.waits().stream().filter(t -> when.test(t.millis())).toList(),
                "Waits of the portal's code (monitor, park >= 1 ms)",
                10);
        var reads =
                data.databaseReads().stream().filter(t -> when.test(t.millis())).toList();
        out.append(String.format(
                Locale.ROOT,
                "PostgreSQL driver socket reads (one per round trip): %d, %.1f per second, %.0f ms waited in all.%n%n",
                reads.size(),
                reads.size() / (double) seconds,
                reads.stream().mapToLong(ProfileData.Timed::nanos).sum() / 1e6));
        waits(out, reads, "Round trips by the portal method that asked", 12);
    }

    private static void waits(StringBuilder out, List<ProfileData.Timed> events, String title, int limit) {
        if (events.isEmpty()) {
            return;
        }
        record Key(String site, String kind) {}
        var count = new HashMap<Key, long[]>();
        for (var e : events) {
            var totals = count.computeIfAbsent(new Key(e.site(), e.kind()), k -> new long[2]);
            totals[0]++;
            totals[1] += e.nanos();
        }
        out.append(title).append(":\n\n| site | kind | count | total ms | mean ms |\n|---|---|---:|---:|---:|\n");
        var rows = new ArrayList<>(count.entrySet());
        rows.sort(Comparator.comparingLong((Map.Entry<Key, long[]> e) -> e.getValue()[1])
                .reversed());
        rows.stream()
                .limit(limit)
                .forEach(e -> out.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %s | %d | %.0f | %.3f |%n",
                        e.getKey().site(),
                        e.getKey().kind(),
                        e.getValue()[0],
                        e.getValue()[1] / 1e6,
                        e.getValue()[1] / 1e6 / e.getValue()[0])));
        out.append('\n');
    }

    /** How many of the phase's CPU samples have a frame containing each text on their stack (inclusive samples). */
    static void inclusive(StringBuilder out, ProfileData data, LongPredicate when, List<String> frames) {
        if (frames.isEmpty()) {
            return;
        }
        var cpu = data.samples().stream()
                .filter(s -> !s.inNative() && when.test(s.millis()))
                .toList();
        out.append("| frame on the stack | CPU samples | share |\n|---|---:|---:|\n");
        for (var frame : frames) {
            var count = (int) cpu.stream()
                    .filter(s -> s.methods().stream().anyMatch(m -> m.contains(frame)))
                    .count();
            out.append(row("`" + frame + "`", count, cpu.size()));
        }
        out.append('\n');
    }

    private static String top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(e -> "`" + e.getKey() + "` " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static double mean(
            List<ProfileData.Gauge> gauges, java.util.function.ToDoubleFunction<ProfileData.Gauge> value) {
        return gauges.stream().mapToDouble(value).average().orElse(0);
    }

    private static String row(String label, int count, int all) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f%% |%n", label, count, all == 0 ? 0 : 100.0 * count / all);
    }
}
