package org.citymaas.runtime.catalog.entity;

import java.util.List;
import org.citymaas.runtime.inference.entity.DataType;

/**
 * One input or output field of a model version's schema.
 *
 * @param name tensor name
 * @param datatype element type
 * @param shape dimensions, {@code -1} for any (the first is the batch)
 * @param unit unit of the values, e.g. {@code vehicles/h}
 * @param minimum smallest allowed value, or {@code null}
 * @param maximum largest allowed value, or {@code null}
 * @param maxLength longest allowed text for BYTES, or {@code null}
 * @param sensitivity how the portal treats the value
 * @param description what it means
 * @param labels class names along the last dimension of a probability output, else empty
 */
public record FieldSpec(
        String name,
        DataType datatype,
        List<Long> shape,
        String unit,
        Double minimum,
        Double maximum,
        Integer maxLength,
        Sensitivity sensitivity,
        String description,
        List<String> labels) {

    public FieldSpec {
        shape = shape == null ? List.of(-1L) : List.copyOf(shape);
        sensitivity = sensitivity == null ? Sensitivity.NONE : sensitivity;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** Elements per row: the product of the dimensions after the batch. */
    public int rowWidth() {
        long n = 1;
        for (int i = 1; i < shape.size(); i++) {
            n *= shape.get(i);
        }
        return (int) n;
    }
}
