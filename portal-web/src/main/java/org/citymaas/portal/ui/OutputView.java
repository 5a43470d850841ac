package org.citymaas.portal.ui;

import java.io.Serializable;
import java.util.List;

/** One output of a model's answer, readable: its values, or for a classifier each label's probability. */
public class OutputView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String unit;
    private final String description;
    private final String value;
    private final List<String> labels;

    public OutputView(String name, String unit, String description, String value, List<String> labels) {
        this.name = name;
        this.unit = unit == null ? "" : unit;
        this.description = description == null ? "" : description;
        this.value = value;
        this.labels = List.copyOf(labels);
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public String getDescription() {
        return description;
    }

    /** The values (comma separated), or the most likely label for a classifier. */
    public String getValue() {
        return value;
    }

    /** For a classifier: each label with its probability, most likely first; else empty. */
    public List<String> getLabels() {
        return labels;
    }
}
