package org.citymaas.portal.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    public static final List<String> UNITS = List.of("REQUEST", "ROW", "CPU_SECOND", "GPU_SECOND");

    private static final Pattern DECIMAL = Pattern.compile(NewPriceCard.DECIMAL);
    private static final Pattern FEN = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final int MAX_TIERS = 20;

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
    private final List<RateForm> rates = UNITS.stream().map(RateForm::new).toList();

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
        rates.forEach(RateForm::clear);
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

    /** One unit's rate as typed. */
    public static class RateForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String unit;
        private String chargeModel = "PER_UNIT";
        private String tiers;
        private String packageSize;
        private String freeAllowance;

        RateForm(String unit) {
            this.unit = unit;
        }

        /** The id part of the unit's fields, e.g. {@code rate-cpu-second}. */
        public String getKey() {
            return "rate-" + unit.toLowerCase(Locale.ROOT).replace('_', '-');
        }

        java.util.Optional<NewPriceCard.NewRate> read(List<FieldError> errors) {
            var lines = tiers == null
                    ? List.<String>of()
                    : tiers.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                return java.util.Optional.empty();
            }
            var before = errors.size();
            var parsed = tiers(lines, errors);
            var size = strip(packageSize);
            if ("PACKAGE".equals(chargeModel)) {
                if (size == null) {
                    errors.add(new FieldError(getKey() + "-packageSize", "prices.error.required", ""));
                } else if (!DECIMAL.matcher(size).matches() || new BigDecimal(size).signum() == 0) {
                    errors.add(new FieldError(getKey() + "-packageSize", "prices.error.quantity", size));
                }
            } else {
                size = null;
            }
            var free = strip(freeAllowance);
            if (free != null && !DECIMAL.matcher(free).matches()) {
                errors.add(new FieldError(getKey() + "-freeAllowance", "prices.error.quantity", free));
            }
            if (!List.of("PER_UNIT", "GRADUATED", "VOLUME", "PACKAGE").contains(chargeModel)) {
                errors.add(new FieldError(getKey() + "-chargeModel", "prices.error.chargeModel", ""));
            }
            return errors.size() == before
                    ? java.util.Optional.of(new NewPriceCard.NewRate(unit, chargeModel, parsed, size, free))
                    : java.util.Optional.empty();
        }

        private List<NewPriceCard.NewTier> tiers(List<String> lines, List<FieldError> errors) {
            var field = getKey() + "-tiers";
            if (lines.size() > MAX_TIERS) {
                errors.add(new FieldError(field, "prices.error.tooManyTiers", Integer.toString(MAX_TIERS)));
                return List.of();
            }
            var single = "PER_UNIT".equals(chargeModel) || "PACKAGE".equals(chargeModel);
            if (single && lines.size() > 1) {
                errors.add(new FieldError(field, "prices.error.oneTier", ""));
                return List.of();
            }
            var result = new ArrayList<NewPriceCard.NewTier>();
            BigDecimal previous = null;
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                var colon = line.indexOf(':');
                var upTo = colon < 0 ? null : strip(line.substring(0, colon));
                var price = strip(colon < 0 ? line : line.substring(colon + 1));
                var last = i == lines.size() - 1;
                if (price == null || !DECIMAL.matcher(price).matches()) {
                    errors.add(new FieldError(field, "prices.error.tierLine", line));
                    return List.of();
                }
                if (last != (upTo == null)) {
                    errors.add(new FieldError(field, last ? "prices.error.lastTier" : "prices.error.tierBound", line));
                    return List.of();
                }
                if (upTo != null) {
                    if (!DECIMAL.matcher(upTo).matches()) {
                        errors.add(new FieldError(field, "prices.error.tierLine", line));
                        return List.of();
                    }
                    var bound = new BigDecimal(upTo);
                    if (bound.signum() == 0 || (previous != null && bound.compareTo(previous) <= 0)) {
                        errors.add(new FieldError(field, "prices.error.tierOrder", line));
                        return List.of();
                    }
                    previous = bound;
                }
                result.add(new NewPriceCard.NewTier(upTo, price, null));
            }
            return result;
        }

        void clear() {
            chargeModel = "PER_UNIT";
            tiers = packageSize = freeAllowance = null;
        }

        public String getUnit() {
            return unit;
        }

        public String getChargeModel() {
            return chargeModel;
        }

        public void setChargeModel(String chargeModel) {
            this.chargeModel = chargeModel;
        }

        public String getTiers() {
            return tiers;
        }

        public void setTiers(String tiers) {
            this.tiers = tiers;
        }

        public String getPackageSize() {
            return packageSize;
        }

        public void setPackageSize(String packageSize) {
            this.packageSize = packageSize;
        }

        public String getFreeAllowance() {
            return freeAllowance;
        }

        public void setFreeAllowance(String freeAllowance) {
            this.freeAllowance = freeAllowance;
        }
    }

    public List<RateForm> getRates() {
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
