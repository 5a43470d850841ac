package org.citymaas.runtime.training.control;

import java.util.List;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;

/** Short ways to write the recipes' schemas. */
final class Schema {

    private Schema() {}

    static FieldSpec fp32(String name, int width, String unit, double min, double max, String description) {
        return new FieldSpec(
                name,
                DataType.FP32,
                List.of(-1L, (long) width),
                unit,
                min,
                max,
                null,
                Sensitivity.NONE,
                description,
                null);
    }

    static FieldSpec int64(String name, String unit, double min, double max, String description) {
        return new FieldSpec(
                name, DataType.INT64, List.of(-1L, 1L), unit, min, max, null, Sensitivity.NONE, description, null);
    }

    static FieldSpec text(String name, int maxLength, Sensitivity sensitivity, String description) {
        return new FieldSpec(
                name, DataType.BYTES, List.of(-1L), null, null, null, maxLength, sensitivity, description, null);
    }

    static FieldSpec output(String name, int width, String unit, String description, List<String> labels) {
        return new FieldSpec(
                name,
                DataType.FP32,
                List.of(-1L, (long) width),
                unit,
                null,
                null,
                null,
                Sensitivity.NONE,
                description,
                labels);
    }
}
