package org.citymaas.portal.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.citymaas.portal.billing.entity.NewPriceCard;

/**
 * One unit's rate on the prices page's form, as typed: charge model, tiers as lines {@code upTo:price}
 * (an empty {@code upTo} on the last), package size and free allowance. A unit whose tiers are left
 * empty is not priced.
 */
public class PriceRateForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private String chargeModel = "PER_UNIT";
    private String tiers;
    private String packageSize;
    private String freeAllowance;

    PriceRateForm(String unit) {
        this.unit = unit;
    }

    /** The id part of the unit's fields, e.g. {@code rate-cpu-second}. */
    public String getKey() {
        return "rate-" + unit.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Optional<NewPriceCard.NewRate> read(List<PriceCardForm.FieldError> errors) {
        var lines = tiers == null
                ? List.<String>of()
                : tiers.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        var before = errors.size();
        var parsed = tiers(lines, errors);
        var size = PriceCardForm.strip(packageSize);
        if ("PACKAGE".equals(chargeModel)) {
            if (size == null) {
                errors.add(new PriceCardForm.FieldError(getKey() + "-packageSize", "prices.error.required", ""));
            } else if (!PriceCardForm.DECIMAL.matcher(size).matches() || new BigDecimal(size).signum() == 0) {
                errors.add(new PriceCardForm.FieldError(getKey() + "-packageSize", "prices.error.quantity", size));
            }
        } else {
            size = null;
        }
        var free = PriceCardForm.strip(freeAllowance);
        if (free != null && !PriceCardForm.DECIMAL.matcher(free).matches()) {
            errors.add(new PriceCardForm.FieldError(getKey() + "-freeAllowance", "prices.error.quantity", free));
        }
        if (!List.of("PER_UNIT", "GRADUATED", "VOLUME", "PACKAGE").contains(chargeModel)) {
            errors.add(new PriceCardForm.FieldError(getKey() + "-chargeModel", "prices.error.chargeModel", ""));
        }
        return errors.size() == before
                ? Optional.of(new NewPriceCard.NewRate(unit, chargeModel, parsed, size, free))
                : Optional.empty();
    }

    private List<NewPriceCard.NewTier> tiers(List<String> lines, List<PriceCardForm.FieldError> errors) {
        var field = getKey() + "-tiers";
        if (lines.size() > PriceCardForm.MAX_TIERS) {
            errors.add(new PriceCardForm.FieldError(
                    field, "prices.error.tooManyTiers", Integer.toString(PriceCardForm.MAX_TIERS)));
            return List.of();
        }
        var single = "PER_UNIT".equals(chargeModel) || "PACKAGE".equals(chargeModel);
        if (single && lines.size() > 1) {
            errors.add(new PriceCardForm.FieldError(field, "prices.error.oneTier", ""));
            return List.of();
        }
        var result = new ArrayList<NewPriceCard.NewTier>();
        BigDecimal previous = null;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var colon = line.indexOf(':');
            var upTo = colon < 0 ? null : PriceCardForm.strip(line.substring(0, colon));
            var price = PriceCardForm.strip(colon < 0 ? line : line.substring(colon + 1));
            var last = i == lines.size() - 1;
            if (price == null || !PriceCardForm.DECIMAL.matcher(price).matches()) {
                errors.add(new PriceCardForm.FieldError(field, "prices.error.tierLine", line));
                return List.of();
            }
            if (last != (upTo == null)) {
                errors.add(new PriceCardForm.FieldError(
                        field, last ? "prices.error.lastTier" : "prices.error.tierBound", line));
                return List.of();
            }
            if (upTo != null) {
                if (!PriceCardForm.DECIMAL.matcher(upTo).matches()) {
                    errors.add(new PriceCardForm.FieldError(field, "prices.error.tierLine", line));
                    return List.of();
                }
                var bound = new BigDecimal(upTo);
                if (bound.signum() == 0 || (previous != null && bound.compareTo(previous) <= 0)) {
                    errors.add(new PriceCardForm.FieldError(field, "prices.error.tierOrder", line));
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
