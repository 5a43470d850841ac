package org.citymaas.runtime.inference.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.features.control.TextFeaturizer;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.scheduler.control.BatchAssembler;

/**
 * Turns validated schema inputs into the SavedModel's inputs: fields marked {@code drop} never reach
 * the model, and the text field of a text model becomes its hashed features.
 */
public final class ModelInputs {

    private final ModelCard card;
    private final TextFeaturizer featurizer;
    private final boolean passThrough;
    private final ThreadLocal<float[]> batchBuffers = new ThreadLocal<>();

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

    /**
     * What a request queues: like {@link #prepare} but with the text left as text, so that {@link #stack}
     * featurizes a whole batch into one array instead of one array per request copied into another.
     */
    public List<Tensor> queued(List<Tensor> inputs) {
        if (featurizer == null) {
            return prepare(inputs);
        }
        boolean drops = false;
        for (FieldSpec spec : card.inputs()) {
            drops |= spec.sensitivity() == Sensitivity.DROP;
        }
        if (!drops && inOrder(inputs)) {
            return inputs;
        }
        var queued = new ArrayList<Tensor>(card.inputs().size());
        for (FieldSpec spec : card.inputs()) {
            if (spec.sensitivity() != Sensitivity.DROP) {
                queued.add(InputValidator.find(inputs, spec.name()));
            }
        }
        return queued;
    }

    /** The model inputs of a batch from the requests' {@link #queued} inputs, rows one after the other. */
    public List<Tensor> stack(List<List<Tensor>> requests) {
        if (featurizer == null) {
            return BatchAssembler.stack(requests);
        }
        List<Tensor> first = requests.get(0);
        String text = card.textFeatures().input();
        var stacked = new ArrayList<Tensor>(first.size());
        int textIndex = -1;
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).name().equals(text)) {
                textIndex = i;
            }
        }
        int rows = 0;
        for (List<Tensor> r : requests) {
            rows += r.get(textIndex).rows();
        }
        int dims = featurizer.dimensions();
        float[] features = batchBuffer(rows * dims);
        int row = 0;
        for (List<Tensor> r : requests) {
            for (String s : r.get(textIndex).strings()) {
                featurizer.featurize(s, features, row++ * dims);
            }
        }
        if (first.size() > 1) {
            var others = new ArrayList<List<Tensor>>(requests.size());
            for (List<Tensor> r : requests) {
                var rest = new ArrayList<Tensor>(r);
                rest.remove(textIndex);
                others.add(rest);
            }
            stacked.addAll(BatchAssembler.stack(others));
        }
        stacked.add(textIndex, Tensor.fp32(card.textFeatures().output(), new long[] {rows, dims}, features));
        return stacked;
    }

    /**
     * A zeroed features array, reused by the calling worker for batches of the same size: the model copies
     * its inputs, and a full text batch is half a megabyte that would otherwise be garbage at once.
     */
    private float[] batchBuffer(int length) {
        float[] buffer = batchBuffers.get();
        if (buffer == null || buffer.length != length) {
            buffer = new float[length];
            batchBuffers.set(buffer);
        } else {
            java.util.Arrays.fill(buffer, 0f);
        }
        return buffer;
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
