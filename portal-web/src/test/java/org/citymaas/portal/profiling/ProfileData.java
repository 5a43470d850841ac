package org.citymaas.portal.profiling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** What the summary needs of a recording, read once: samples, waits, socket I/O, GC, JIT and CPU load. */
record ProfileData(
        List<Sample> samples,
        List<Timed> waits,
        List<Timed> databaseReads,
        List<Timed> gcPauses,
        List<Gauge> cpuLoad,
        List<Gauge> compileMillis) {

    /** A CPU sample (or a native-method sample): when, its frames' classes from the top, its top method. */
    record Sample(long millis, List<String> types, List<String> methods, boolean inNative) {}

    /** An event with a duration, named by the code that waited (for a database read, who asked). */
    record Timed(long millis, long nanos, String kind, String site) {}

    /**
     * Values at a time: CPU load (this JVM's user and system share of the machine, the machine's), or a
     * compilation over the recording's threshold (its ms, then zeros).
     */
    record Gauge(long millis, double value, double system, double other) {}

    static ProfileData read(Path file) throws IOException {
        var samples = new ArrayList<Sample>();
        var waits = new ArrayList<Timed>();
        var databaseReads = new ArrayList<Timed>();
        var gcPauses = new ArrayList<Timed>();
        var cpuLoad = new ArrayList<Gauge>();
        var compile = new ArrayList<Gauge>();
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                var event = recording.readEvent();
                var millis = event.getStartTime().toEpochMilli();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample", "jdk.NativeMethodSample" ->
                        sample(event, millis).ifPresent(samples::add);
                    case "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.JavaMonitorWait" -> {
                        var site = applicationSite(event.getStackTrace());
                        if (site != null) {
                            waits.add(new Timed(millis, event.getDuration().toNanos(), shortName(event), site));
                        }
                    }
                    case "jdk.SocketRead" -> {
                        var stack = event.getStackTrace();
                        if (stack != null
                                && stack.getFrames().stream().anyMatch(f -> type(f).startsWith("org.postgresql."))) {
                            var site = applicationSite(stack);
                            databaseReads.add(new Timed(
                                    millis,
                                    event.getDuration().toNanos(),
                                    "read",
                                    site == null ? "(no portal frame)" : site));
                        }
                    }
                    case "jdk.GCPhasePause" ->
                        gcPauses.add(new Timed(millis, event.getDuration().toNanos(), event.getString("name"), "gc"));
                    case "jdk.CPULoad" ->
                        cpuLoad.add(new Gauge(
                                millis,
                                event.getFloat("jvmUser"),
                                event.getFloat("jvmSystem"),
                                event.getFloat("machineTotal")));
                    case "jdk.Compilation" ->
                        compile.add(new Gauge(millis, event.getDuration().toNanos() / 1e6, 0, 0));
                    default -> {}
                }
            }
        }
        return new ProfileData(samples, waits, databaseReads, gcPauses, cpuLoad, compile);
    }

    private static java.util.Optional<Sample> sample(RecordedEvent event, long millis) {
        var stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return java.util.Optional.empty();
        }
        var types = new ArrayList<String>(stack.getFrames().size());
        var methods = new ArrayList<String>(stack.getFrames().size());
        for (var frame : stack.getFrames()) {
            types.add(type(frame));
            methods.add(type(frame) + "." + frame.getMethod().getName());
        }
        return java.util.Optional.of(new Sample(
                millis, types, methods, event.getEventType().getName().equals("jdk.NativeMethodSample")));
    }

    private static String shortName(RecordedEvent event) {
        var name = event.getEventType().getName();
        if (name.equals("jdk.ThreadPark") && event.hasField("parkedClass") && event.getClass("parkedClass") != null) {
            return "park on " + simple(event.getClass("parkedClass").getName());
        }
        if (event.hasField("monitorClass") && event.getClass("monitorClass") != null) {
            return (name.equals("jdk.JavaMonitorWait") ? "wait on " : "monitor ")
                    + simple(event.getClass("monitorClass").getName());
        }
        return name.substring(name.indexOf('.') + 1);
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The first frame of the portal or the model runtime from the top of the stack: who waited or asked. */
    private static String applicationSite(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (var frame : stack.getFrames()) {
            if (type(frame).startsWith("org.citymaas.")) {
                return simple(type(frame)) + "." + frame.getMethod().getName();
            }
        }
        return null;
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }
}
