package org.citymaas.runtime.engine.control;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.inference.entity.Tensor;

/** Named tensors in, named tensors out; the SavedModel signature matches them by name. */
final class TensorTranslator implements NoBatchifyTranslator<List<Tensor>, List<Tensor>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Class<List<Tensor>> INPUT = (Class) List.class;

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Class<List<Tensor>> OUTPUT = (Class) List.class;

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDManager manager = ctx.getNDManager();
        var list = new NDList(inputs.size());
        for (Tensor t : inputs) {
            NDArray array = switch (t.datatype()) {
                case FP32 -> manager.create(t.floats(), new Shape(t.shape()));
                case INT64 -> manager.create(t.longs(), new Shape(t.shape()));
                case BYTES ->
                    throw new ModelRuntimeException("BYTES input " + t.name() + " must be featurized before the model");
            };
            array.setName(t.name());
            list.add(array);
        }
        return list;
    }

    @Override
    public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
        var outputs = new ArrayList<Tensor>(list.size());
        for (NDArray array : list) {
            long[] shape = array.getShape().getShape();
            outputs.add(
                    switch (array.getDataType()) {
                        case FLOAT32 -> Tensor.fp32(array.getName(), shape, array.toFloatArray());
                        case INT64 -> Tensor.int64(array.getName(), shape, array.toLongArray());
                        default ->
                            Tensor.fp32(
                                    array.getName(),
                                    shape,
                                    array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                                            .toFloatArray());
                    });
        }
        return outputs;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
