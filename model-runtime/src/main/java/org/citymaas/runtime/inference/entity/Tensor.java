package org.citymaas.runtime.inference.entity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named tensor, row-major, first dimension the batch. The data array is held, not copied: callers
 * must not change it after handing it over.
 *
 * @param name the input or output name
 * @param datatype the element type
 * @param shape the dimensions, first the batch size
 * @param data {@code float[]} for FP32, {@code long[]} for INT64, {@code String[]} for BYTES
 */
public record Tensor(String name, DataType datatype, long[] shape, Object data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        int length = switch (datatype) {
            case FP32 -> ((float[]) data).length;
            case INT64 -> ((long[]) data).length;
            case BYTES -> ((String[]) data).length;
        };
        if (shape.length == 0 || elements(shape) != length) {
            throw new IllegalArgumentException(
                    "tensor " + name + ": shape " + Arrays.toString(shape) + " does not hold " + length + " elements");
        }
    }

    public static Tensor fp32(String name, long[] shape, float... data) {
        return new Tensor(name, DataType.FP32, shape, data);
    }

    public static Tensor int64(String name, long[] shape, long... data) {
        return new Tensor(name, DataType.INT64, shape, data);
    }

    public static Tensor bytes(String name, long[] shape, String... data) {
        return new Tensor(name, DataType.BYTES, shape, data);
    }

    /** One row of {@code values.length} floats: shape {@code [1, n]}. */
    public static Tensor fp32Row(String name, float... values) {
        return fp32(name, new long[] {1, values.length}, values);
    }

    public float[] floats() {
        return (float[]) data;
    }

    public long[] longs() {
        return (long[]) data;
    }

    public String[] strings() {
        return (String[]) data;
    }

    public int rows() {
        return (int) shape[0];
    }

    /** Elements in all rows (the constructor checked that the data array holds exactly these). */
    public int size() {
        return (int) elements(shape);
    }

    public static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + datatype + " " + Arrays.toString(shape) + "]";
    }
}
