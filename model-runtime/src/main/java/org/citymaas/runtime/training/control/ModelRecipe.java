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

    /**
     * The group attributes {@link #fairness} breaks the held-out rows down by (its table reads the columns
     * {@link GroupAttributes#column}), in the report's order; empty when the recipe has none.
     */
    default List<String> groupAttributes() {
        return List.of();
    }

    /**
     * Training and held-out rows (schema inputs and targets, exactly the columns a held-out file holds), and
     * beside them the same rows' group attributes ({@link GroupAttributes}: never inputs).
     */
    record Split(Table train, Table heldOut, Table trainGroups, Table heldOutGroups) {

        /** Rows without group attributes. */
        public Split(Table train, Table heldOut) {
            this(train, heldOut, new Table(train.rows(), Map.of()), new Table(heldOut.rows(), Map.of()));
        }

        /** Moves the group attribute columns ({@code group_...}) of both tables beside them. */
        public static Split withGroups(Table train, Table heldOut) {
            return new Split(part(train, false), part(heldOut, false), part(train, true), part(heldOut, true));
        }

        /** The held-out rows with their group attributes, for the fairness report. */
        public Table heldOutWithGroups() {
            return heldOut.with(List.copyOf(heldOutGroups.columns().values()));
        }

        private static Table part(Table t, boolean groups) {
            var columns = new java.util.LinkedHashMap<String, Tensor>();
            t.columns().forEach((name, column) -> {
                if (name.startsWith(GroupAttributes.PREFIX) == groups) {
                    columns.put(name, column);
                }
            });
            return new Table(t.rows(), columns);
        }
    }
}
