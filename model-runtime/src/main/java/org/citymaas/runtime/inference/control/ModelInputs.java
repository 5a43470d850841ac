package org.citymaas.runtime.inference.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.features.control.TextFeaturizer;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * Turns validated schema inputs into the SavedModel's inputs: fields marked {@code drop} never reach
 * the model, and the text field of a text model becomes its hashed features.
 */
public final class ModelInputs {

    private final ModelCard card;
    private final TextFeaturizer featurizer;
    private final boolean passThrough;

    public ModelInputs(ModelCard card) {
        this.card = card;
        this.featurizer = card.optionalTextFeatures().map(TextFeaturizer::of).orElse(null);
        this.passThrough =
                featurizer == null && card.inputs().stream().noneMatch(f -> f.sensitivity() == Sensitivity.DROP);
    }

    private boolean inOrder(List<Tensor> inputs) {
        List<FieldSpec> specs = card.inputs();
        if (inputs.size() != specs.size()) {
            return false;
        }
        for (int i = 0; i < specs.size(); i++) {
            if (!inputs.get(i).name().equals(specs.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    public List<Tensor> prepare(List<Tensor> inputs) {
        if (passThrough && inOrder(inputs)) {
            // nothing to drop or featurize and the inputs already in the schema's order: the model takes them as they
            // are
            return inputs;
        }
        var prepared = new ArrayList<Tensor>(card.inputs().size());
        for (FieldSpec spec : card.inputs()) {
            if (spec.sensitivity() == Sensitivity.DROP) {
                continue;
            }
            Tensor t = InputValidator.find(inputs, spec.name());
            if (featurizer != null && spec.name().equals(card.textFeatures().input())) {
                prepared.add(featurize(t));
            } else {
                prepared.add(t);
            }
        }
        return prepared;
    }

    private Tensor featurize(Tensor text) {
        String[] texts = text.strings();
        int dims = featurizer.dimensions();
        float[] features = new float[texts.length * dims];
        for (int i = 0; i < texts.length; i++) {
            featurizer.featurize(texts[i], features, i * dims);
        }
        return Tensor.fp32(card.textFeatures().output(), new long[] {texts.length, dims}, features);
    }
}
