package org.citymaas.portal.inference.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.inference.entity.DataType;

/**
 * One row as people type it (the model page's form, a line of a batch CSV file) to a v2 request,
 * and a v2 answer back to readable outputs. Values are sent as typed, numbers as numbers where they
 * parse, so that the gateway's validation judges them and names the field.
 */
public final class RowCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    }

    /**
     * The v2 request of one row: each cell a {@code [1, width]} tensor ({@code [1, 1]} for text), or
     * {@code [1]} for a field of shape {@code [-1]}.
     */
    public static String body(List<Cell> cells) {
        var root = JSON.createObjectNode();
        var inputs = root.putArray("inputs");
        for (var cell : cells) {
            var input = inputs.addObject();
            input.put("name", cell.name());
            input.put("datatype", cell.datatype().name());
            var data = input.putArray("data");
            if (cell.text()) {
                data.add(cell.value() == null ? "" : cell.value());
                shape(input, cell, 1);
                continue;
            }
            var typed = cell.value() == null ? "" : cell.value().trim();
            var parts = cell.vector() ? typed.split(VECTOR_SEPARATORS) : new String[] {typed};
            for (var part : parts) {
                add(data, part, cell.datatype() == DataType.INT64);
            }
            shape(input, cell, cell.width());
        }
        return root.toString();
    }

    private static void shape(ObjectNode input, Cell cell, int width) {
        var shape = input.putArray("shape").add(1);
        if (cell.rank() != 1) {
            shape.add(width);
        }
    }

    private static void add(ArrayNode data, String part, boolean integer) {
        try {
            var number = new BigDecimal(part);
            if (integer && number.stripTrailingZeros().scale() <= 0) {
                data.add(number.longValueExact());
            } else {
                data.add(number.doubleValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            data.add(part); // not a number: the gateway refuses it, naming the field
        }
    }

    /**
     * One output of an answer.
     *
     * @param values its numbers (empty for text)
     * @param texts every element as text
     * @param labels class names of a probability output ({@code parameters.labels}), else empty
     */
    public record Output(String name, List<Double> values, List<String> texts, List<String> labels) {

        public Output {
            values = List.copyOf(values);
            texts = List.copyOf(texts);
            labels = List.copyOf(labels);
        }

        /** A probability per label. */
        public boolean classified() {
            return !labels.isEmpty() && values.size() == labels.size();
        }

        /** Indexes of the labels, most probable first. */
        public List<Integer> ranking() {
            return IntStream.range(0, values.size())
                    .boxed()
                    .sorted(Comparator.comparing(values::get).reversed())
                    .toList();
        }

        /** The most probable label; only for a classified output. */
        public String topLabel() {
            return labels.get(ranking().get(0));
        }

        public double topScore() {
            return values.get(ranking().get(0));
        }
    }

    /** The outputs of a v2 answer, in its order. */
    public static List<Output> outputs(String answer) {
        try {
            var outputs = new ArrayList<Output>();
            for (var output : JSON.readTree(answer).path("outputs")) {
                var values = new ArrayList<Double>();
                var texts = new ArrayList<String>();
                output.path("data").forEach(v -> {
                    if (v.isNumber()) {
                        values.add(v.doubleValue());
                    }
                    texts.add(v.asText());
                });
                var labels = new ArrayList<String>();
                output.path("parameters").path("labels").forEach(l -> labels.add(l.asText()));
                outputs.add(new Output(output.path("name").asText(), values, texts, labels));
            }
            return outputs;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gateway answered unreadable JSON", e);
        }
    }
}
