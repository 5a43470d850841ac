package org.citymaas.runtime.inference.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.FieldViolation;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.Tensor;

/** Checks named input tensors against a model card's input schema. */
public final class InputValidator {

    private InputValidator() {}

    /** Every broken rule, empty when the inputs are valid. */
    public static List<FieldViolation> validate(ModelCard card, List<Tensor> inputs) {
        if (inSchemaOrder(card.inputs(), inputs)) {
            // the common case: every field once, in the schema's order; no name searches needed
            return checkInOrder(card.inputs(), inputs);
        }
        // linear scans over a handful of fields: no maps or boxing on the path every request takes
        List<FieldViolation> violations = List.of();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            for (int j = 0; j < i; j++) {
                if (inputs.get(j).name().equals(t.name())) {
                    violations = add(
                            violations, new FieldViolation(t.name(), "duplicate", "the input is given more than once"));
                }
            }
            if (!declared(card, t.name())) {
                violations = add(
                        violations,
                        new FieldViolation(
                                t.name(), "unknown", "the model " + card.name() + " has no input " + t.name()));
            }
        }
        var fields = new FieldChecks(violations);
        for (FieldSpec spec : card.inputs()) {
            Tensor t = find(inputs, spec.name());
            if (t == null) {
                if (spec.sensitivity() != Sensitivity.DROP) {
                    fields.violations =
                            add(fields.violations, new FieldViolation(spec.name(), "required", "the input is missing"));
                }
                continue;
            }
            fields.check(spec, t);
        }
        return fields.result();
    }

    private static boolean inSchemaOrder(List<FieldSpec> specs, List<Tensor> inputs) {
        if (specs.size() != inputs.size()) {
            return false;
        }
        for (int i = 0; i < specs.size(); i++) {
            if (!specs.get(i).name().equals(inputs.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** The same rules as below for inputs that name every field once, in order. */
    private static List<FieldViolation> checkInOrder(List<FieldSpec> specs, List<Tensor> inputs) {
        var fields = new FieldChecks(List.of());
        for (int i = 0; i < specs.size(); i++) {
            fields.check(specs.get(i), inputs.get(i));
        }
        return fields.result();
    }

    /** The per-field rules (datatype, shape, values) and the rows every input must share. */
    private static final class FieldChecks {
        private List<FieldViolation> violations;
        private long rows = -1;
        private boolean sameRows = true;

        FieldChecks(List<FieldViolation> violations) {
            this.violations = violations;
        }

        void check(FieldSpec spec, Tensor t) {
            if (t.datatype() != spec.datatype()) {
                violations = add(
                        violations,
                        new FieldViolation(
                                spec.name(), "datatype", "expected " + spec.datatype() + " but got " + t.datatype()));
                return;
            }
            if (!shapeMatches(spec.shape(), t.shape())) {
                violations = add(
                        violations,
                        new FieldViolation(
                                spec.name(),
                                "shape",
                                "expected shape " + spec.shape() + " but got " + java.util.Arrays.toString(t.shape())));
                return;
            }
            if (rows >= 0 && rows != t.shape()[0]) {
                sameRows = false;
            }
            rows = rows < 0 ? t.shape()[0] : rows;
            violations = checkValues(spec, t, violations);
        }

        List<FieldViolation> result() {
            return checkRows(violations, rows, sameRows);
        }
    }

    private static List<FieldViolation> checkRows(List<FieldViolation> violations, long rows, boolean sameRows) {
        if (!sameRows) {
            violations =
                    add(violations, new FieldViolation("*", "batch", "all inputs must have the same number of rows"));
        }
        if (rows == 0) {
            violations = add(violations, new FieldViolation("*", "batch", "a request needs at least one row"));
        }
        return violations;
    }

    private static List<FieldViolation> add(List<FieldViolation> violations, FieldViolation v) {
        var more = violations.isEmpty() ? new ArrayList<FieldViolation>() : (ArrayList<FieldViolation>) violations;
        more.add(v);
        return more;
    }

    /** The input of that name, or {@code null}. */
    public static Tensor find(List<Tensor> inputs, String name) {
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static boolean declared(ModelCard card, String name) {
        for (FieldSpec f : card.inputs()) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean shapeMatches(List<Long> spec, long[] shape) {
        if (spec.size() != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || (spec.get(i) >= 0 && spec.get(i) != shape[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<FieldViolation> checkValues(FieldSpec spec, Tensor t, List<FieldViolation> violations) {
        double min = spec.minimum() == null ? Double.NEGATIVE_INFINITY : spec.minimum();
        double max = spec.maximum() == null ? Double.POSITIVE_INFINITY : spec.maximum();
        switch (t.datatype()) {
            case FP32 -> {
                float[] v = t.floats();
                for (int i = 0; i < v.length; i++) {
                    // one comparison per element on the common path; NaN fails it too
                    if (!(v[i] >= min && v[i] <= max)) {
                        return add(
                                violations,
                                Float.isNaN(v[i])
                                        ? new FieldViolation(spec.name(), "finite", "element " + i + " is " + v[i])
                                        : rangeViolation(spec, v[i], i));
                    }
                }
            }
            case INT64 -> {
                long[] v = t.longs();
                for (int i = 0; i < v.length; i++) {
                    if (!(v[i] >= min && v[i] <= max)) {
                        return add(violations, rangeViolation(spec, v[i], i));
                    }
                }
            }
            case BYTES -> {
                String[] v = t.strings();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] == null || v[i].isBlank()) {
                        return add(
                                violations, new FieldViolation(spec.name(), "required", "element " + i + " is empty"));
                    }
                    if (spec.maxLength() != null && v[i].length() > spec.maxLength()) {
                        return add(
                                violations,
                                new FieldViolation(
                                        spec.name(),
                                        "maxLength",
                                        "element " + i + " has " + v[i].length() + " characters, at most "
                                                + spec.maxLength() + " allowed"));
                    }
                }
            }
        }
        return violations;
    }

    private static FieldViolation rangeViolation(FieldSpec spec, double value, int index) {
        String unit = spec.unit() == null ? "" : " " + spec.unit();
        if (Double.isInfinite(value)) {
            return new FieldViolation(spec.name(), "finite", "element " + index + " is " + value);
        }
        boolean below = spec.minimum() != null && value < spec.minimum();
        return below
                ? new FieldViolation(
                        spec.name(),
                        "minimum",
                        "element " + index + " is " + format(value) + unit + ", below the minimum "
                                + format(spec.minimum()) + unit)
                : new FieldViolation(
                        spec.name(),
                        "maximum",
                        "element " + index + " is " + format(value) + unit + ", above the maximum "
                                + format(spec.maximum()) + unit);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
