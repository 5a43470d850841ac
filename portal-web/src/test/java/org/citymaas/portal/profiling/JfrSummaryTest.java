package org.citymaas.portal.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

    @Test
    void chargesAStackToTheFirstFrameThatNamesALayerAndGeneralJdkFramesToTheirCaller() {
        assertThat(Layer.ofStack(List.of(
                        "java.util.HashMap", "org.postgresql.core.v3.QueryExecutorImpl", "org.hibernate.Session")))
                .isEqualTo(Layer.JDBC);
        assertThat(Layer.ofStack(List.of("java.util.Base64$Decoder", "com.nimbusds.jose.util.Base64URL")))
                .isEqualTo(Layer.TOKEN);
        assertThat(Layer.ofStack(
                        List.of("org.hibernate.validator.internal.engine.ValidatorImpl", "org.hibernate.Session")))
                .isEqualTo(Layer.VALIDATION);
        assertThat(Layer.ofStack(
                        List.of("org.glassfish.json.JsonParserImpl", "org.glassfish.jersey.server.ServerRuntime")))
                .isEqualTo(Layer.JSON);
        assertThat(Layer.ofStack(List.of("org.glassfish.cdi.transaction.TransactionalInterceptorRequiresNew")))
                .isEqualTo(Layer.POOL_JTA);
        assertThat(Layer.ofStack(
                        List.of("java.security.MessageDigest", "org.citymaas.security.audit.control.EventAppender")))
                .isEqualTo(Layer.AUDIT);
        assertThat(Layer.ofStack(List.of("java.lang.Thread"))).isEqualTo(Layer.JDK_ONLY);
        assertThat(Layer.ofStack(List.of("com.hazelcast.map.impl.MapService"))).isEqualTo(Layer.OTHER);
    }

    @Test
    void tellsThePhasesApartByTheResourceThatRan() {
        var infer = new ProfileData.Sample(
                5_000,
                List.of("org.citymaas.portal.inference.boundary.InferenceResource"),
                List.of("org.citymaas.portal.inference.boundary.InferenceResource.infer"),
                false);
        var request = new ProfileData.Sample(
                9_000,
                List.of("org.glassfish.jersey.server.ServerRuntime"),
                List.of("org.glassfish.jersey.server.ServerRuntime.process"),
                false);
        var samples = new java.util.ArrayList<ProfileData.Sample>();
        for (int i = 0; i < 3; i++) {
            samples.add(infer);
        }
        for (int i = 0; i < 10; i++) {
            samples.add(request);
        }

        var labels = Phases.label(samples);

        assertThat(labels).containsEntry(5L, Phases.INFER).containsEntry(9L, Phases.NOOP);
    }

    @Test
    void summarizesARecordingItMadeOfLoggingAndAGarbageCollection(@TempDir Path directory) throws Exception {
        var file = directory.resolve("tiny.jfr");
        try (var recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.enable("jdk.GCPhasePause");
            recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            recording.start();
            logFor(Duration.ofMillis(1500));
            System.gc();
            recording.stop();
            recording.dump(file);
        }

        var data = ProfileData.read(file);
        var out = new StringBuilder();
        JfrSummary.section(out, "tiny", data, millis -> true, 2, 5);
        var report = out.toString();

        assertThat(data.samples()).hasSizeGreaterThan(10);
        var logging = data.samples().stream()
                .filter(s -> !s.inNative() && Layer.ofStack(s.types()) == Layer.LOGGING)
                .count();
        assertThat(logging)
                .as("samples charged to logging, of " + data.samples().size())
                .isGreaterThan(data.samples().size() / 3);
        assertThat(report)
                .contains("### tiny")
                .contains("| logging |")
                .contains("Top 5 methods by self samples")
                .containsPattern("GC: [1-9][0-9]* pauses");
        assertThat(JfrSummary.summarize(data, EnumSet.allOf(Phases.class), 5, List.of()))
                .startsWith("Phases found (UTC): ");
        var inclusive = new StringBuilder();
        JfrSummary.inclusive(
                inclusive, data, millis -> true, List.of("java.util.logging.Logger.log", "org.postgresql."));
        assertThat(inclusive.toString())
                .containsPattern("\\| `java.util.logging.Logger.log` \\| [1-9][0-9]* \\|")
                .contains("| `org.postgresql.` | 0 | 0.0% |");
    }

    /** Busy in java.util.logging: a formatter and a handler that writes to nowhere. */
    private static void logFor(Duration duration) {
        var logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        var handler = new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter());
        logger.addHandler(handler);
        var end = System.nanoTime() + duration.toNanos();
        long i = 0;
        while (System.nanoTime() < end) {
            logger.log(Level.INFO, "line {0} of the tiny recording, {1}", new Object[] {i++, "some text"});
        }
        handler.flush();
    }
}
