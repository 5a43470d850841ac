package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/** Stacks the requests of a batch along the first dimension and splits the outputs back. */
public final class BatchAssembler {

    private BatchAssembler() {}

    /** One tensor per input name, the requests' rows one after the other. */
    public static List<Tensor> stack(List<List<Tensor>> requests) {
        List<Tensor> first = requests.get(0);
        int n = requests.size();
        if (n == 1) {
            return first;
        }
        var stacked = new ArrayList<Tensor>(first.size());
        for (int i = 0; i < first.size(); i++) {
            Tensor model = first.get(i);
            // one array per input for the whole batch, filled with one copy per request; every request's input
            // has the schema's shape, so a row has the same width in all of them
            int width = model.size() / model.rows();
            int rows = 0;
            for (int r = 0; r < n; r++) {
                rows += requests.get(r).get(i).rows();
            }
            int elements = rows * width;
            long[] shape = model.shape().clone();
            shape[0] = rows;
            Object data = switch (model.datatype()) {
                case FP32 -> new float[elements];
                case INT64 -> new long[elements];
                case BYTES -> new String[elements];
            };
            int pos = 0;
            for (int r = 0; r < n; r++) {
                Tensor t = requests.get(r).get(i);
                int size = t.rows() * width;
                System.arraycopy(t.data(), 0, data, pos, size);
                pos += size;
            }
            stacked.add(new Tensor(model.name(), model.datatype(), shape, data));
        }
        return stacked;
    }

    /** The rows {@code [from, from + rows)} of every output. */
    public static List<Tensor> slice(List<Tensor> outputs, int from, int rows, int batchRows) {
        if (from == 0 && rows == batchRows) {
            return outputs;
        }
        var sliced = new ArrayList<Tensor>(outputs.size());
        for (Tensor t : outputs) {
            int width = t.size() / t.rows();
            long[] shape = t.shape().clone();
            shape[0] = rows;
            Object data = t.datatype() == DataType.FP32
                    ? new float[rows * width]
                    : t.datatype() == DataType.INT64 ? new long[rows * width] : new String[rows * width];
            System.arraycopy(t.data(), from * width, data, 0, rows * width);
            sliced.add(new Tensor(t.name(), t.datatype(), shape, data));
        }
        return sliced;
    }
}
