package org.citymaas.portal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.control.InputValidator;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.scheduler.control.BatchAssembler;
import org.citymaas.runtime.training.control.CatalogRecipes;

/**
 * The model's own held-out rows (its training recipe's time split, as model-runtime's bench uses them), as
 * typed rows for the runtime, as v2 JSON bodies of 1 and of 64 rows, and as a CSV file for a batch.
 */
final class BenchInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 512;

    private final List<List<Tensor>> rows;

    private BenchInputs(List<List<Tensor>> rows) {
        this.rows = rows;
    }

    /** The first 512 held-out rows of the model, each one tensor per input in {@code inputs}' order. */
    static BenchInputs of(String model, List<String> inputs) {
        var heldOut = CatalogRecipes.named(model).generate().heldOut().slice(0, ROWS);
        var rows = new ArrayList<List<Tensor>>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(heldOut.slice(i, i + 1).columns(inputs));
        }
        return new BenchInputs(rows);
    }

    /**
     * The first 512 held-out rows of the model that its card's schema takes (the simulated health data has a few
     * beyond the card's ranges, which the portal would refuse 400), fewer when the held-out set has fewer.
     */
    static BenchInputs valid(ModelCard card, List<String> inputs) {
        var heldOut = CatalogRecipes.named(card.name()).generate().heldOut();
        var rows = new ArrayList<List<Tensor>>();
        for (int i = 0; i < heldOut.rows() && rows.size() < ROWS; i++) {
            var row = heldOut.slice(i, i + 1).columns(inputs);
            if (InputValidator.validate(card, row).isEmpty()) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no held-out row of " + card.name() + " passes its card's schema");
        }
        return new BenchInputs(rows);
    }

    /** Row {@code i} (of 512, round), its tensors of shape {@code [1, ...]}. */
    List<Tensor> row(int i) {
        return rows.get(Math.floorMod(i, rows.size()));
    }

    /** Rows {@code i} to {@code i + n - 1} stacked into one request. */
    List<Tensor> rows(int i, int n) {
        var list = new ArrayList<List<Tensor>>(n);
        for (int k = 0; k < n; k++) {
            list.add(row(i + k));
        }
        return BatchAssembler.stack(list);
    }

    /** A v2 infer body of {@code n} rows starting at row {@code i}. */
    String inferBody(int i, int n) {
        var inputs = new ArrayList<Object>();
        for (var tensor : rows(i, n)) {
            inputs.add(java.util.Map.of(
                    "name", tensor.name(),
                    "datatype", tensor.datatype().name(),
                    "shape", tensor.shape(),
                    "data", tensor.data()));
        }
        try {
            return JSON.writeValueAsString(java.util.Map.of("inputs", inputs));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CSV file of {@code lines} lines under {@code header} (the model's batch template): vectors as numbers
     * separated by spaces, as the template says.
     */
    String csv(List<String> header, int lines) {
        var text = new StringBuilder(lines * 200);
        text.append(String.join(",", header)).append('\n');
        for (int i = 0; i < lines; i++) {
            var row = row(i);
            for (int c = 0; c < header.size(); c++) {
                var name = header.get(c);
                var tensor = row.stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no input " + name + " in the rows"));
                text.append(c == 0 ? "" : ",").append(cell(tensor));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String cell(Tensor tensor) {
        var values = new ArrayList<String>();
        switch (tensor.datatype()) {
            case FP32 -> {
                for (float v : tensor.floats()) {
                    values.add(String.format(Locale.ROOT, "%s", v));
                }
            }
            case INT64 -> {
                for (long v : tensor.longs()) {
                    values.add(Long.toString(v));
                }
            }
            case BYTES -> values.add(tensor.strings()[0]);
        }
        return String.join(" ", values);
    }
}
