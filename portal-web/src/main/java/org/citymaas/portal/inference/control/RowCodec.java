package org.citymaas.portal.inference.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.ReadableOutput;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.InvalidInputException;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.inference.entity.DataType;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.security.input.boundary.HostileCharacters;

/**
 * One row as people type it (the model page's form, a line of a batch CSV file) to typed tensors by
 * the model's schema, and an outcome back to readable outputs. What cannot be a tensor of its field
 * (a word where a number goes, too few numbers for a vector) is refused naming the field, with the
 * rules and words the v2 API uses for the same mistake.
 */
public final class RowCodec {

    private static final String VECTOR_SEPARATORS = "[,，;；\\s]+";

    private RowCodec() {}

    /**
     * One field's value as typed.
     *
     * @param width numbers per row: 1 for a scalar, N for a {@code [-1, N]} vector
     * @param value the text typed, null for nothing
     * @param rank the dimensions of the field's shape: 1 for a {@code [-1]} field (one element per
     *     row), else 2
     */
    public record Cell(String name, DataType datatype, int width, String value, int rank) {

        /** A cell of a {@code [-1, width]} field. */
        public Cell(String name, DataType datatype, int width, String value) {
            this(name, datatype, width, value, 2);
        }

        public static Cell of(FieldSpec spec, String value) {
            return new Cell(
                    spec.name(),
                    spec.datatype(),
                    spec.rowWidth(),
                    value,
                    spec.shape().size() == 1 ? 1 : 2);
        }

        boolean text() {
            return datatype == DataType.BYTES;
        }

        boolean vector() {
            return !text() && width > 1;
        }

        /** {@code [1, width]} ({@code [1, 1]} for text), or {@code [1]} for a field of shape {@code [-1]}. */
        long[] shape() {
            return rank == 1 ? new long[] {1} : new long[] {1, text() ? 1 : width};
        }
    }

    /**
     * The request of one row: each cell one tensor of one row, numbers as numbers.
     *
     * @throws InvalidInputException a cell is no value of its field, each such field named
     */
    public static TensorRequest tensors(List<Cell> cells) {
        if (cells.isEmpty()) {
            throw new InvalidInputException(
                    List.of(new FieldViolation("inputs", "required", "'inputs' must be a non-empty array of tensors")));
        }
        var tensors = new ArrayList<Tensor>(cells.size());
        var violations = new ArrayList<FieldViolation>();
        for (var cell : cells) {
            try {
                tensors.add(tensor(cell));
            } catch (RefusedCell e) {
                violations.add(e.violation);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return TensorRequest.of(tensors);
    }

    private static Tensor tensor(Cell cell) {
        var shape = cell.shape();
        if (cell.text()) {
            var text = cell.value() == null ? "" : cell.value();
            HostileCharacters.find(text).ifPresent(h -> {
                throw new RefusedCell(cell.name(), h.rule().rule(), "element 0 " + h.message());
            });
            return Tensor.bytes(cell.name(), shape, text);
        }
        var typed = cell.value() == null ? "" : cell.value().trim();
        var parts = cell.vector() ? typed.split(VECTOR_SEPARATORS) : new String[] {typed};
        var elements = Tensor.elements(shape);
        if (parts.length != elements) {
            throw new RefusedCell(
                    cell.name(),
                    "shape",
                    "'data' holds " + parts.length + " elements but 'shape' " + Arrays.toString(shape) + " needs "
                            + elements);
        }
        return cell.datatype() == DataType.INT64
                ? Tensor.int64(cell.name(), shape, longs(cell, parts))
                : Tensor.fp32(cell.name(), shape, floats(cell, parts));
    }

    private static float[] floats(Cell cell, String[] parts) {
        var out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            var number = number(parts[i]);
            if (number == null || !Double.isFinite(number.doubleValue())) {
                throw notA(cell, i, "a number");
            }
            out[i] = (float) number.doubleValue();
        }
        return out;
    }

    private static long[] longs(Cell cell, String[] parts) {
        var out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            var number = number(parts[i]);
            try {
                if (number == null || number.stripTrailingZeros().scale() > 0) {
                    throw notA(cell, i, "an integer");
                }
                out[i] = number.longValueExact();
            } catch (ArithmeticException e) {
                throw notA(cell, i, "an integer");
            }
        }
        return out;
    }

    private static BigDecimal number(String part) {
        try {
            return new BigDecimal(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RefusedCell notA(Cell cell, int element, String what) {
        return new RefusedCell(
                cell.name(), "datatype", "'data' of " + cell.datatype() + ": element " + element + " is not " + what);
    }

    /** A cell that is no value of its field. */
    private static final class RefusedCell extends RuntimeException {
        private final transient FieldViolation violation;

        RefusedCell(String field, String rule, String message) {
            super(message, null, false, false);
            this.violation = new FieldViolation(field, rule, message);
        }
    }

    /** The outputs of an outcome, in its order. */
    public static List<ReadableOutput> outputs(InferenceOutcome outcome) {
        return outcome.outputs().stream()
                .map(t -> output(t, outcome.labels(t.name())))
                .toList();
    }

    /**
     * One output tensor, read as people read numbers: a float as its shortest decimal ({@code 0.7f} is
     * 0.7, not 0.699999988...), as the v2 answer writes it.
     */
    static ReadableOutput output(Tensor tensor, List<String> labels) {
        var values = new ArrayList<Double>();
        var texts = new ArrayList<String>();
        switch (tensor.datatype()) {
            case FP32 -> {
                for (var f : tensor.floats()) {
                    var decimal = Double.parseDouble(Float.toString(f));
                    values.add(decimal);
                    texts.add(Double.toString(decimal));
                }
            }
            case INT64 -> {
                for (var l : tensor.longs()) {
                    values.add((double) l);
                    texts.add(Long.toString(l));
                }
            }
            case BYTES -> texts.addAll(Arrays.asList(tensor.strings()));
        }
        return new ReadableOutput(tensor.name(), values, texts, labels);
    }
}
