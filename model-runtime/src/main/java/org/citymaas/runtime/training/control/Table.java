package org.citymaas.runtime.training.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;

/** Columns of equal row count, each a tensor whose first dimension is the row. */
public record Table(int rows, Map<String, Tensor> columns) {

    public Table {
        columns = new LinkedHashMap<>(columns);
        for (Tensor t : columns.values()) {
            if (t.rows() != rows) {
                throw new IllegalArgumentException("column " + t.name() + " has " + t.rows() + " rows, not " + rows);
            }
        }
    }

    public Tensor column(String name) {
        Tensor t = columns.get(name);
        if (t == null) {
            throw new NoSuchElementException("no column " + name);
        }
        return t;
    }

    public List<Tensor> columns(List<String> names) {
        return names.stream().map(this::column).toList();
    }

    public Table select(int[] index) {
        var selected = new LinkedHashMap<String, Tensor>();
        columns.forEach((name, t) -> selected.put(name, rows(t, index)));
        return new Table(index.length, selected);
    }

    public Table slice(int from, int to) {
        int[] index = new int[to - from];
        for (int i = 0; i < index.length; i++) {
            index[i] = from + i;
        }
        return select(index);
    }

    public Table with(List<Tensor> more) {
        var all = new LinkedHashMap<>(columns);
        more.forEach(t -> all.put(t.name(), t));
        return new Table(rows, all);
    }

    /** The given rows of a tensor, in the given order. */
    public static Tensor rows(Tensor t, int[] index) {
        int width = t.rows() == 0 ? 0 : t.size() / t.rows();
        long[] shape = t.shape().clone();
        shape[0] = index.length;
        Object data = switch (t.datatype()) {
            case FP32 -> {
                float[] src = t.floats();
                float[] dst = new float[index.length * width];
                for (int i = 0; i < index.length; i++) {
                    System.arraycopy(src, index[i] * width, dst, i * width, width);
                }
                yield dst;
            }
            case INT64 -> {
                long[] src = t.longs();
                long[] dst = new long[index.length * width];
                for (int i = 0; i < index.length; i++) {
                    System.arraycopy(src, index[i] * width, dst, i * width, width);
                }
                yield dst;
            }
            case BYTES -> {
                String[] src = t.strings();
                String[] dst = new String[index.length * width];
                for (int i = 0; i < index.length; i++) {
                    System.arraycopy(src, index[i] * width, dst, i * width, width);
                }
                yield dst;
            }
        };
        return new Tensor(t.name(), t.datatype(), shape, data);
    }

    /** Builds a table column by column. */
    public static final class Builder {
        private final int rows;
        private final Map<String, Tensor> columns = new LinkedHashMap<>();

        public Builder(int rows) {
            this.rows = rows;
        }

        public Builder fp32(String name, int width, float[] data) {
            columns.put(name, Tensor.fp32(name, new long[] {rows, width}, data));
            return this;
        }

        public Builder int64(String name, long[] data) {
            columns.put(name, Tensor.int64(name, new long[] {rows, 1}, data));
            return this;
        }

        public Builder labels(String name, long[] data) {
            columns.put(name, Tensor.int64(name, new long[] {rows}, data));
            return this;
        }

        public Builder text(String name, String[] data) {
            columns.put(name, new Tensor(name, DataType.BYTES, new long[] {rows}, data));
            return this;
        }

        public Table build() {
            return new Table(rows, columns);
        }
    }
}
