package org.citymaas.portal.ui;

import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.Sensitivity;
import org.citymaas.runtime.inference.entity.DataType;

/**
 * One input of a model card, shown on the catalog and as a field of the model page's "try it" form;
 * a JavaBean, since Faces' EL cannot read record components. The form's value is what the person
 * typed, made a tensor by the field's schema, so the use case's validation judges it.
 */
public class FieldView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String datatype;
    private final int width;
    private final int rank;
    private final String unit;
    private final String range;
    private final Integer maxLength;
    private final String description;
    private final boolean dropped;
    private String value;
    private String error;

    public FieldView(FieldSpec spec) {
        this(spec, spec.description());
    }

    /** The field with its description in the page's language. */
    public FieldView(FieldSpec spec, String description) {
        this.name = spec.name();
        this.datatype = spec.datatype().name();
        this.width = spec.rowWidth();
        this.rank = spec.shape().size();
        this.unit = spec.unit() == null ? "" : spec.unit();
        this.range = spec.minimum() == null && spec.maximum() == null
                ? ""
                : number(spec.minimum()) + " – " + number(spec.maximum());
        this.maxLength = spec.maxLength();
        this.description = description == null ? "" : description;
        this.dropped = spec.sensitivity() == Sensitivity.DROP;
    }

    /** What the person typed, as one cell of a row to run. */
    RowCodec.Cell cell() {
        return new RowCodec.Cell(name, DataType.valueOf(datatype), width, value, rank == 1 ? 1 : 2);
    }

    static String number(Double value) {
        if (value == null) {
            return "…";
        }
        return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    public String getName() {
        return name;
    }

    public String getDatatype() {
        return datatype;
    }

    /** Numbers per row: 1 for a scalar, N for a {@code [-1, N]} vector. */
    public int getWidth() {
        return width;
    }

    public boolean isText() {
        return DataType.BYTES.name().equals(datatype);
    }

    public boolean isVector() {
        return !isText() && width > 1;
    }

    public boolean isInteger() {
        return DataType.INT64.name().equals(datatype);
    }

    public String getUnit() {
        return unit;
    }

    public String getRange() {
        return range;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public String getDescription() {
        return description;
    }

    /** Accepted by the model's schema but removed before the model: not asked for in the form. */
    public boolean isDropped() {
        return dropped;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** The refusal of this field, in the page's language, or null. */
    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }
}
