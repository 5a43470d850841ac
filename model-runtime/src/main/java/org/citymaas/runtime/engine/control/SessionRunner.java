package org.citymaas.runtime.engine.control;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DOUBLE;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Dim;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_FLOAT;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT32;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_INT64;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NumDims;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionRun;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorType;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.inference.entity.Tensor;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;

/**
 * One {@code TF_SessionRun} per batch through TensorFlow's C API: the feed and fetch descriptions, the
 * tensor pointer arrays and the status are allocated once per runner; per batch it allocates one native
 * tensor per input (filled straight from the Java array), runs the session, copies each output into a Java
 * array and frees the native tensors at once. What DJL's {@code Predictor} adds per call and leaves out here:
 * an NDManager, an eager tensor handle per input and output resolved to a tensor, JavaCPP's pointer scope
 * and deallocator references, the signature's names looked up per input. Used by one thread at a time.
 */
final class SessionRunner implements BatchRunner {

    private final TF_Session session;
    private final SessionModel.Endpoint[] inputs;
    private final SessionModel.Endpoint[] outputs;
    private final TF_Output feeds;
    private final TF_Output fetches;
    private final PointerPointer<TF_Tensor> inputTensors;
    private final PointerPointer<TF_Tensor> outputTensors;
    private final TF_Tensor[] allocated;
    private final int[] position;
    private final TF_Status status;

    SessionRunner(TF_Session session, SessionModel.Endpoint[] inputs, SessionModel.Endpoint[] outputs) {
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
        this.feeds = new TF_Output(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            feeds.position(i).oper(inputs[i].operation()).index(inputs[i].index());
        }
        feeds.position(0);
        this.fetches = new TF_Output(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            fetches.position(i).oper(outputs[i].operation()).index(outputs[i].index());
        }
        fetches.position(0);
        this.inputTensors = new PointerPointer<>(inputs.length);
        this.outputTensors = new PointerPointer<>(outputs.length);
        this.allocated = new TF_Tensor[inputs.length];
        this.position = new int[inputs.length];
        this.status = TF_NewStatus();
    }

    @Override
    public List<Tensor> run(List<Tensor> batch) {
        try {
            for (int i = 0; i < inputs.length; i++) {
                TF_Tensor t = toNative(find(batch, i));
                allocated[i] = t;
                inputTensors.put(i, t);
            }
            TF_SessionRun(
                    session,
                    null,
                    feeds,
                    inputTensors,
                    inputs.length,
                    fetches,
                    outputTensors,
                    outputs.length,
                    null,
                    0,
                    null,
                    status);
            if (TF_GetCode(status) != TF_OK) {
                throw new ModelRuntimeException(
                        "inference failed: " + TF_Message(status).getString());
            }
            var results = new ArrayList<Tensor>(outputs.length);
            for (int i = 0; i < outputs.length; i++) {
                var t = new TF_Tensor(outputTensors.get(i));
                try {
                    results.add(fromNative(outputs[i].name(), t));
                } finally {
                    TF_DeleteTensor(t);
                    outputTensors.put(i, null);
                }
            }
            return results;
        } finally {
            for (int i = 0; i < allocated.length; i++) {
                if (allocated[i] != null) {
                    TF_DeleteTensor(allocated[i]);
                    allocated[i] = null;
                }
            }
        }
    }

    /** The batch's tensor for signature input {@code i}: where it was last time, else looked up by name. */
    private Tensor find(List<Tensor> batch, int i) {
        String name = inputs[i].name();
        int p = position[i];
        if (p < batch.size() && batch.get(p).name().equals(name)) {
            return batch.get(p);
        }
        for (int j = 0; j < batch.size(); j++) {
            if (batch.get(j).name().equals(name)) {
                position[i] = j;
                return batch.get(j);
            }
        }
        throw new ModelRuntimeException("the batch has no input " + name);
    }

    private static TF_Tensor toNative(Tensor t) {
        return switch (t.datatype()) {
            case FP32 -> {
                float[] data = t.floats();
                TF_Tensor native_ = TF_AllocateTensor(TF_FLOAT, t.shape(), t.shape().length, 4L * data.length);
                new FloatPointer(TF_TensorData(native_)).put(data, 0, data.length);
                yield native_;
            }
            case INT64 -> {
                long[] data = t.longs();
                TF_Tensor native_ = TF_AllocateTensor(TF_INT64, t.shape(), t.shape().length, 8L * data.length);
                new LongPointer(TF_TensorData(native_)).put(data, 0, data.length);
                yield native_;
            }
            case BYTES ->
                throw new ModelRuntimeException("BYTES input " + t.name() + " must be featurized before the model");
        };
    }

    /** FP32 and INT64 as they are, other numbers as FP32 (as the DJL translator did). */
    private static Tensor fromNative(String name, TF_Tensor t) {
        int dims = TF_NumDims(t);
        long[] shape = new long[dims];
        long size = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = TF_Dim(t, d);
            size *= shape[d];
        }
        int n = Math.toIntExact(size);
        Pointer data = TF_TensorData(t);
        int type = TF_TensorType(t);
        if (type == TF_FLOAT) {
            float[] values = new float[n];
            new FloatPointer(data).get(values, 0, n);
            return Tensor.fp32(name, shape, values);
        }
        if (type == TF_INT64) {
            long[] values = new long[n];
            new LongPointer(data).get(values, 0, n);
            return Tensor.int64(name, shape, values);
        }
        float[] values = new float[n];
        if (type == TF_INT32) {
            var ints = new IntPointer(data);
            for (int i = 0; i < n; i++) {
                values[i] = ints.get(i);
            }
        } else if (type == TF_DOUBLE) {
            var doubles = new DoublePointer(data);
            for (int i = 0; i < n; i++) {
                values[i] = (float) doubles.get(i);
            }
        } else {
            throw new ModelRuntimeException("output " + name + " has TensorFlow type " + type + ", not a number");
        }
        return Tensor.fp32(name, shape, values);
    }

    @Override
    public void close() {
        TF_DeleteStatus(status);
        feeds.close();
        fetches.close();
        inputTensors.close();
        outputTensors.close();
    }
}
