package org.citymaas.runtime.inference.boundary;

import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.training.control.ModelRecipe;
import org.citymaas.runtime.training.control.Table;

/** Valid request inputs: rows of a recipe's held-out data. */
record Samples(ModelCard card, Table rows) {

    static Samples of(ModelRecipe recipe, ModelCard card, int count) {
        return new Samples(card, recipe.generate().heldOut().slice(0, count));
    }

    /** The schema inputs of rows {@code [from, from + n)}. */
    List<Tensor> inputs(int from, int n) {
        var names = card.inputs().stream()
                .map(FieldSpec::name)
                .filter(rows.columns()::containsKey)
                .toList();
        return rows.slice(from, from + n).columns(names);
    }

    List<Tensor> row(int i) {
        return inputs(i, 1);
    }
}
