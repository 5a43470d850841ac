package org.citymaas.runtime.explain.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citymaas.runtime.inference.entity.Tensor;

/** Row slices of tensors, to submit a long list of rows in chunks. */
public final class Tensors {

    private Tensors() {}

    /** Rows {@code [from, to)} of every tensor. */
    public static List<Tensor> slice(List<Tensor> tensors, int from, int to) {
        var result = new ArrayList<Tensor>(tensors.size());
        for (Tensor t : tensors) {
            result.add(slice(t, from, to));
        }
        return result;
    }

    public static Tensor slice(Tensor t, int from, int to) {
        int w = t.rows() == 0 ? 0 : t.size() / t.rows();
        long[] shape = t.shape().clone();
        shape[0] = to - from;
        Object data = switch (t.datatype()) {
            case FP32 -> Arrays.copyOfRange(t.floats(), from * w, to * w);
            case INT64 -> Arrays.copyOfRange(t.longs(), from * w, to * w);
            case BYTES -> Arrays.copyOfRange(t.strings(), from * w, to * w);
        };
        return new Tensor(t.name(), t.datatype(), shape, data);
    }

    /** Row {@code r} of {@code t} repeated {@code times[r]} times, one after the other. */
    public static Tensor repeatRows(Tensor t, int[] times) {
        int rows = t.rows();
        int w = rows == 0 ? 0 : t.size() / rows;
        int total = 0;
        for (int n : times) {
            total += n;
        }
        long[] shape = t.shape().clone();
        shape[0] = total;
        Object in = t.data();
        Object out = switch (t.datatype()) {
            case FP32 -> new float[total * w];
            case INT64 -> new long[total * w];
            case BYTES -> new String[total * w];
        };
        int at = 0;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < times[r]; k++) {
                System.arraycopy(in, r * w, out, at++ * w, w);
            }
        }
        return new Tensor(t.name(), t.datatype(), shape, out);
    }
}
