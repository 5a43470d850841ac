package org.citymaas.runtime.training.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.inference.control.ModelInputs;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * Runs a recipe's held-out rows through a loaded SavedModel the way the runtime serves it (schema
 * inputs, dropped fields, Java featurization) and scores the predictions.
 */
public final class HeldOutEvaluation {

    private static final int CHUNK = 1024;

    private HeldOutEvaluation() {}

    public static List<Metric> evaluate(ModelRecipe recipe, ModelCard card, LoadedModel model) {
        Table heldOut = recipe.generate().heldOut();
        return recipe.evaluate(heldOut, predict(card, model, heldOut));
    }

    /** The recipe's fairness report on its held-out rows (null when it has none). */
    public static FairnessReport fairness(ModelRecipe recipe, ModelCard card, LoadedModel model) {
        Table heldOut = recipe.generate().heldOutWithGroups();
        return recipe.fairness(heldOut, predict(card, model, heldOut));
    }

    public static Map<String, Tensor> predict(ModelCard card, LoadedModel model, Table table) {
        var names = card.inputs().stream()
                .map(FieldSpec::name)
                .filter(table.columns()::containsKey)
                .toList();
        var prepare = new ModelInputs(card);
        var parts = new HashMap<String, List<Tensor>>();
        try (BatchRunner runner = model.newRunner()) {
            for (int from = 0; from < table.rows(); from += CHUNK) {
                Table chunk = table.slice(from, Math.min(table.rows(), from + CHUNK));
                for (Tensor out : runner.run(prepare.prepare(chunk.columns(names)))) {
                    parts.computeIfAbsent(out.name(), k -> new ArrayList<>()).add(out);
                }
            }
        }
        var result = new HashMap<String, Tensor>();
        parts.forEach((name, list) -> result.put(name, concat(list)));
        return result;
    }

    /** The parts' rows one after the other (parts of one output, in row order). */
    public static Tensor concat(List<Tensor> parts) {
        int rows = parts.stream().mapToInt(Tensor::rows).sum();
        int width = parts.get(0).size() / parts.get(0).rows();
        float[] data = new float[rows * width];
        int pos = 0;
        for (Tensor t : parts) {
            System.arraycopy(t.floats(), 0, data, pos, t.size());
            pos += t.size();
        }
        long[] shape = parts.get(0).shape().clone();
        shape[0] = rows;
        return Tensor.fp32(parts.get(0).name(), shape, data);
    }
}
