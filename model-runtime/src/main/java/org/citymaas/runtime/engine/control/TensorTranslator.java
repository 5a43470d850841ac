package org.citymaas.runtime.engine.control;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /**
     * A direct buffer per worker thread that inputs are copied through. Given a heap array, DJL allocates a
     * direct buffer for every input of every batch (garbage with a cleaner each, run by the JVM's reference
     * handler thread); given a direct buffer, TensorFlow copies it into its own tensor at once, so one
     * buffer serves every input of every batch of the thread.
     */
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    private static ByteBuffer scratch(int bytes) {
        ByteBuffer[] holder = SCRATCH.get();
        ByteBuffer buffer = holder[0];
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, 64 << 10)).order(ByteOrder.nativeOrder());
            holder[0] = buffer;
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDManager manager = ctx.getNDManager();
        var list = new NDList(inputs.size());
        for (Tensor t : inputs) {
            NDArray array = switch (t.datatype()) {
                case FP32 -> {
                    ByteBuffer buffer = scratch(t.size() * Float.BYTES);
                    buffer.asFloatBuffer().put(t.floats());
                    yield manager.create(buffer, new Shape(t.shape()), DataType.FLOAT32);
                }
                case INT64 -> {
                    ByteBuffer buffer = scratch(t.size() * Long.BYTES);
                    buffer.asLongBuffer().put(t.longs());
                    yield manager.create(buffer, new Shape(t.shape()), DataType.INT64);
                }
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
                                    array.toType(DataType.FLOAT32, false).toFloatArray());
                    });
        }
        return outputs;
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
