package org.citymaas.runtime.training.control;

import java.util.List;
import java.util.Map;
import org.citymaas.runtime.catalog.entity.FairnessReport;
import org.citymaas.runtime.catalog.entity.Metric;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.Tensor;

/** Everything needed to rebuild one catalog model: its data, its network, its card and its metrics. */
public interface ModelRecipe {

    String name();

    /** The seeded data: schema inputs and target columns, split by time or at random. */
    Split generate();

    MlpSpec network();

    /** The card, with the given held-out metrics. */
    ModelCard card(List<Metric> metrics);

    /** Metrics of the model's outputs on the held-out rows, each next to its naive baseline. */
    List<Metric> evaluate(Table heldOut, Map<String, Tensor> predictions);

    /**
     * Per-group metrics of the held-out predictions by the rows' group attributes ({@link GroupAttributes}), or
     * null when the recipe has none.
     */
    default FairnessReport fairness(Table heldOut, Map<String, Tensor> predictions) {
        return null;
    }

    /** Training and held-out rows. */
    record Split(Table train, Table heldOut) {}
}
