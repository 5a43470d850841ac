package org.citymaas.portal.batch.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citymaas.runtime.inference.entity.Compute;
import org.citymaas.runtime.inference.entity.Tensor;

/**
 * The rows of a chunk's lines as one runtime request, and its answer back as each line's: inputs are
 * stacked along the first (batch) dimension in the lines' order, outputs are cut along it again by
 * each line's rows. The runtime already apportions a batch's compute by rows; a line's share of the
 * chunk's compute is cut the same way.
 */
public final class ChunkRows {

    private ChunkRows() {}

    /**
     * Whether the requests can be stacked: the same inputs (name, type, shape past the first dimension)
     * in the same order.
     */
    public static boolean stackable(List<List<Tensor>> requests) {
        if (requests.isEmpty()) {
            return false;
        }
        var first = requests.get(0);
        for (var request : requests) {
            if (request.size() != first.size() || request.isEmpty()) {
                return false;
            }
            for (int i = 0; i < first.size(); i++) {
                var a = first.get(i);
                var b = request.get(i);
                if (!a.name().equals(b.name())
                        || a.datatype() != b.datatype()
                        || !Arrays.equals(tail(a.shape()), tail(b.shape()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The requests' inputs stacked, input by input (they must be {@link #stackable}). */
    public static List<Tensor> stack(List<List<Tensor>> requests) {
        if (!stackable(requests)) {
            throw new IllegalArgumentException("the requests do not have the same inputs");
        }
        var first = requests.get(0);
        var stacked = new ArrayList<Tensor>(first.size());
        for (int i = 0; i < first.size(); i++) {
            int input = i;
            stacked.add(stackInput(requests.stream().map(r -> r.get(input)).toList()));
        }
        return stacked;
    }

    private static Tensor stackInput(List<Tensor> parts) {
        var first = parts.get(0);
        long rows = parts.stream().mapToLong(Tensor::rows).sum();
        var shape = first.shape().clone();
        shape[0] = rows;
        int size = parts.stream().mapToInt(Tensor::size).sum();
        int at = 0;
        return switch (first.datatype()) {
            case FP32 -> {
                var data = new float[size];
                for (var p : parts) {
                    System.arraycopy(p.floats(), 0, data, at, p.size());
                    at += p.size();
                }
                yield Tensor.fp32(first.name(), shape, data);
            }
            case INT64 -> {
                var data = new long[size];
                for (var p : parts) {
                    System.arraycopy(p.longs(), 0, data, at, p.size());
                    at += p.size();
                }
                yield Tensor.int64(first.name(), shape, data);
            }
            case BYTES -> {
                var data = new String[size];
                for (var p : parts) {
                    System.arraycopy(p.strings(), 0, data, at, p.size());
                    at += p.size();
                }
                yield Tensor.bytes(first.name(), shape, data);
            }
        };
    }

    /**
     * The stacked outputs cut back into each part's, by the parts' rows in order.
     *
     * @throws IllegalArgumentException an output does not have the rows of all parts together
     */
    public static List<List<Tensor>> split(List<Tensor> outputs, List<Integer> rows) {
        int total = rows.stream().mapToInt(Integer::intValue).sum();
        var parts = new ArrayList<List<Tensor>>(rows.size());
        rows.forEach(r -> parts.add(new ArrayList<>(outputs.size())));
        for (var output : outputs) {
            if (output.rows() != total) {
                throw new IllegalArgumentException(
                        "output " + output.name() + " has " + output.rows() + " rows, not the " + total + " sent");
            }
            int perRow = total == 0 ? 0 : output.size() / total;
            int from = 0;
            for (int p = 0; p < rows.size(); p++) {
                int n = rows.get(p);
                parts.get(p).add(slice(output, from * perRow, n * perRow, n));
                from += n;
            }
        }
        return parts.stream().map(List::copyOf).toList();
    }

    private static Tensor slice(Tensor tensor, int from, int length, int rows) {
        var shape = tensor.shape().clone();
        shape[0] = rows;
        Object data = switch (tensor.datatype()) {
            case FP32 -> Arrays.copyOfRange(tensor.floats(), from, from + length);
            case INT64 -> Arrays.copyOfRange(tensor.longs(), from, from + length);
            case BYTES -> Arrays.copyOfRange(tensor.strings(), from, from + length);
        };
        return new Tensor(tensor.name(), tensor.datatype(), shape, data);
    }

    /** A part's share of the chunk's compute: its rows, and the time apportioned by rows. */
    public static Compute share(Compute chunk, int rows) {
        double millis = chunk.rows() == 0 ? 0 : chunk.millis() * rows / chunk.rows();
        return new Compute(chunk.device(), millis, rows, chunk.batchRows(), chunk.queueMillis());
    }

    private static long[] tail(long[] shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }
}
