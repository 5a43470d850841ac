package org.citymaas.portal.ui;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.citymaas.portal.billing.entity.NewPriceCard;

/**
 * The prices page's form for a new price card, as typed: one rate per unit (a unit is priced when its
 * tiers are filled in), tiers as lines {@code upTo:price} with an empty {@code upTo} on the last. It
 * turns into the API's {@link NewPriceCard}, or into the fields that are wrong and why (message keys).
 */
public class PriceCardForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The units a card prices, in the form's order. */
    public static final List<String> UNITS = List.of("REQUEST", "ROW", "CPU_SECOND", "GPU_SECOND", "EXPLANATION");

    static final Pattern DECIMAL = Pattern.compile(NewPriceCard.DECIMAL);
    private static final Pattern FEN = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    static final int MAX_TIERS = 20;

    /**
     * A wrong field.
     *
     * @param field the field's id on the page ({@code model}, {@code rate-request-tiers} ...)
     * @param key the message key saying what is wrong
     * @param detail what was typed (or the tier line), for the message; may be empty
     */
    public record FieldError(String field, String key, String detail) {}

    /**
     * The form read: the card when nothing is wrong, else the errors.
     *
     * @param card the card, or null when there are errors
     * @param errors what is wrong, field by field, in the form's order
     */
    public record Result(NewPriceCard card, List<FieldError> errors) {}

    private String model;
    private String version;
    private String effectiveFrom;
    private String monthlyMinimum;
    private final List<PriceRateForm> rates =
            UNITS.stream().map(PriceRateForm::new).toList();

    /** Reads the form. */
    public Result read() {
        var errors = new ArrayList<FieldError>();
        var name = strip(model);
        if (name == null) {
            errors.add(new FieldError("model", "prices.error.required", ""));
        }
        var month = strip(effectiveFrom);
        if (month == null) {
            errors.add(new FieldError("effectiveFrom", "prices.error.required", ""));
        } else if (!isMonth(month)) {
            errors.add(new FieldError("effectiveFrom", "prices.error.month", month));
        }
        var minimum = strip(monthlyMinimum);
        if (minimum != null && !FEN.matcher(minimum).matches()) {
            errors.add(new FieldError("monthlyMinimum", "prices.error.minimum", minimum));
        }
        var newRates = new ArrayList<NewPriceCard.NewRate>();
        for (var rate : rates) {
            rate.read(errors).ifPresent(newRates::add);
        }
        if (newRates.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("rate-"))) {
            errors.add(new FieldError("rates", "prices.error.noRate", ""));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new NewPriceCard(name, strip(version), month, minimum, List.copyOf(newRates)), List.of());
    }

    /** Empties the form. */
    public void clear() {
        model = version = effectiveFrom = monthlyMinimum = null;
        rates.forEach(PriceRateForm::clear);
    }

    private static boolean isMonth(String month) {
        if (!MONTH.matcher(month).matches()) {
            return false;
        }
        try {
            YearMonth.parse(month);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<PriceRateForm> getRates() {
        return rates;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(String effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public String getMonthlyMinimum() {
        return monthlyMinimum;
    }

    public void setMonthlyMinimum(String monthlyMinimum) {
        this.monthlyMinimum = monthlyMinimum;
    }
}
