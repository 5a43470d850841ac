package org.citymaas.runtime.training.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.FairnessCheck;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.GroupMetric;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.engine.control.TensorFlowEngine;
import org.citymaas.runtime.engine.control.TensorFlowEngine.DevicePreference;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.boundary.RuntimeConfig;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.CatalogRecipes;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each shipped model's held-out file with its group columns ({@link HeldOutFiles}), read back cell by cell and
 * run through the runtime on the real engine as the portal runs an upload's file ({@link HeldOutMetrics}),
 * reproduces the card's metrics and its whole fairness table: the same groups with their row counts, the same
 * checks, numbers to the last digits. Health-risk's full file included (its card's {@code pregnancies} range
 * covers the generator's 23).
 */
class HeldOutFilesIT {

    private static final ShareKey CHECKS = ShareKey.of("checks");

    @Test
    void everyShippedModelsHeldOutFileReproducesItsCardsFairnessTable(@TempDir Path cache) {
        var catalog = Catalog.fromClasspath(cache);
        var config = RuntimeConfig.defaults()
                .withDevice(DevicePreference.CPU)
                .withWorkers(1)
                .withBatching(512, Duration.ofMillis(1));
        try (var runtime = new ModelRuntime(catalog, config, new TensorFlowEngine(DevicePreference.CPU))) {
            for (ModelRecipe recipe : CatalogRecipes.all()) {
                var card = catalog.resolve(ModelRef.of(recipe.name())).card();
                var definitions = HeldOutMetrics.of(card).orElseThrow();
                var file = Parsed.of(HeldOutFiles.csv(recipe, Set.of()), definitions);
                assertThat(file.groups().keySet())
                        .as(recipe.name())
                        .containsExactlyElementsOf(definitions.groupAttributes());

                var measured = definitions.measure(runtime, CHECKS, file.rows(), file.columns(), file.groups());

                assertThat(file.rows()).isEqualTo(card.trainingData().heldOutRows());
                for (int i = 0; i < card.metrics().size(); i++) {
                    assertThat(measured.metrics().get(i).value())
                            .as(recipe.name() + " " + card.metrics().get(i).name())
                            .isCloseTo(
                                    card.metrics().get(i).value(),
                                    within(close(card.metrics().get(i).value())));
                }
                assertSameTable(recipe.name(), card.fairness(), measured.fairness());
            }
        }
    }

    private static double close(double v) {
        return Math.max(1e-5, Math.abs(v) * 1e-4);
    }

    static void assertSameTable(String model, FairnessReport declared, FairnessReport measured) {
        assertThat(measured)
                .as(model + ": a fairness report from the file's group columns")
                .isNotNull();
        assertThat(measured.groups()).as(model).hasSameSizeAs(declared.groups());
        for (int i = 0; i < declared.groups().size(); i++) {
            GroupMetric d = declared.groups().get(i);
            GroupMetric m = measured.groups().get(i);
            assertThat(m.attribute() + " " + m.group() + " " + m.rows() + " " + m.judged())
                    .isEqualTo(d.attribute() + " " + d.group() + " " + d.rows() + " " + d.judged());
            assertThat(m.values().keySet()).isEqualTo(d.values().keySet());
            d.values().forEach((k, v) -> {
                if (v == null) {
                    assertThat(m.value(k)).isNull();
                } else {
                    assertThat(m.value(k)).as(model + " " + d.group() + " " + k).isCloseTo(v, within(close(v)));
                }
            });
        }
        assertThat(measured.checks()).as(model).hasSameSizeAs(declared.checks());
        for (int i = 0; i < declared.checks().size(); i++) {
            FairnessCheck d = declared.checks().get(i);
            FairnessCheck m = measured.checks().get(i);
            assertThat(List.of(m.attribute(), m.metric(), m.worstGroup() + "/" + m.bestGroup(), m.within()))
                    .isEqualTo(List.of(d.attribute(), d.metric(), d.worstGroup() + "/" + d.bestGroup(), d.within()));
            assertThat(m.value()).as(model + " " + d.metric()).isCloseTo(d.value(), within(close(d.value())));
        }
    }

    /** A held-out file read back: the fields' tensors and the group labels. */
    record Parsed(int rows, Map<String, Tensor> columns, Map<String, String[]> groups) {

        static Parsed of(byte[] csv, HeldOutMetrics definitions) {
            var lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");
            var header = List.of(cells(lines[0]));
            var cells = new ArrayList<String[]>();
            for (int l = 1; l < lines.length; l++) {
                cells.add(cells(lines[l]));
            }
            int rows = cells.size();
            var columns = new LinkedHashMap<String, Tensor>();
            for (FieldSpec f : definitions.columns()) {
                int width = f.rowWidth();
                long[] shape = f.shape().stream().mapToLong(Long::longValue).toArray();
                shape[0] = rows;
                int[] at = new int[width];
                for (int k = 0; k < width; k++) {
                    at[k] = header.indexOf(width == 1 ? f.name() : f.name() + "[" + k + "]");
                    assertThat(at[k]).as(f.name()).isNotNegative();
                }
                switch (f.datatype()) {
                    case FP32 -> {
                        float[] data = new float[rows * width];
                        for (int r = 0; r < rows; r++) {
                            for (int k = 0; k < width; k++) {
                                data[r * width + k] = Float.parseFloat(cells.get(r)[at[k]]);
                            }
                        }
                        columns.put(f.name(), Tensor.fp32(f.name(), shape, data));
                    }
                    case INT64 -> {
                        long[] data = new long[rows * width];
                        for (int r = 0; r < rows; r++) {
                            for (int k = 0; k < width; k++) {
                                data[r * width + k] = Long.parseLong(cells.get(r)[at[k]]);
                            }
                        }
                        columns.put(f.name(), Tensor.int64(f.name(), shape, data));
                    }
                    case BYTES -> {
                        String[] data = new String[rows * width];
                        for (int r = 0; r < rows; r++) {
                            for (int k = 0; k < width; k++) {
                                data[r * width + k] = cells.get(r)[at[k]];
                            }
                        }
                        columns.put(f.name(), Tensor.bytes(f.name(), shape, data));
                    }
                }
            }
            var groups = new LinkedHashMap<String, String[]>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).startsWith(HeldOutMetrics.GROUP_COLUMN_PREFIX)) {
                    String[] labels = new String[rows];
                    for (int r = 0; r < rows; r++) {
                        labels[r] = cells.get(r)[c];
                    }
                    groups.put(header.get(c).substring(HeldOutMetrics.GROUP_COLUMN_PREFIX.length()), labels);
                }
            }
            return new Parsed(rows, columns, groups);
        }

        /** One line's cells: quoted cells may hold commas and doubled quotes. */
        private static String[] cells(String line) {
            var out = new ArrayList<String>();
            var cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            out.add(cell.toString());
            return out.toArray(String[]::new);
        }
    }
}
