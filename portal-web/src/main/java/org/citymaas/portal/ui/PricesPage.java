package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.billing.errors.PriceCardConflictException;
import org.citymaas.portal.billing.boundary.Chargeback;
import org.citymaas.portal.billing.boundary.PriceList;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;

/**
 * The platform admins' prices page: every price card, scheduled, current and past in this month
 * (Asia/Shanghai), and a form to add one through the same {@link PriceList} as the API, so it is
 * checked and audited the same way. Wrong input is shown at its field.
 */
@Named
@ViewScoped
public class PricesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id, the prefix of its fields' client ids. */
    static final String FORM = "prices-form";

    @Inject
    transient PriceList prices;

    @Inject
    transient Chargeback chargeback;

    @Inject
    transient Catalog catalog;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private final PriceCardForm form = new PriceCardForm();
    private transient List<PriceCardRow> rows;

    private List<PriceCardRow> rows() {
        if (rows == null) {
            rows = PriceCardRow.classify(prices.all(), chargeback.currentMonth());
        }
        return rows;
    }

    public List<PriceCardRow> getCurrent() {
        return PriceCardRow.in(rows(), PriceCardRow.State.CURRENT);
    }

    public List<PriceCardRow> getScheduled() {
        return PriceCardRow.in(rows(), PriceCardRow.State.SCHEDULED);
    }

    public List<PriceCardRow> getPast() {
        return PriceCardRow.in(rows(), PriceCardRow.State.PAST);
    }

    public String getThisMonth() {
        return chargeback.currentMonth().toString();
    }

    public List<String> getModels() {
        return catalog.modelNames().stream().sorted().toList();
    }

    /** The versions of the chosen model, to price one only. */
    public List<String> getVersions() {
        var model = PriceCardForm.strip(form.getModel());
        return model == null
                ? List.of()
                : catalog.versions(model).stream().map(v -> v.card().version()).toList();
    }

    /** Adds the card in the form; wrong fields get their message, the list shows the new card. */
    public void add() {
        var caller = admin();
        var text = text();
        var read = form.read();
        if (!read.errors().isEmpty()) {
            for (var error : read.errors()) {
                Refusal.show(
                        FORM + ":" + error.field(),
                        MessageFormat.format(text.getString(error.key()), error.detail()),
                        "");
            }
            return;
        }
        try {
            var stored = prices.add(read.card(), caller);
            Refusal.inform(
                    text,
                    "prices.added",
                    stored.card().model(),
                    stored.card().effectiveFrom().toString());
            form.clear();
        } catch (UnknownModelException e) {
            Refusal.show(
                    FORM + ":" + (read.card().version() == null ? "model" : "version"),
                    text.getString("prices.error.unknownModel"),
                    e.getMessage());
        } catch (InvalidParameterException e) {
            Refusal.show(FORM + ":" + fieldOf(e), text.getString("billing.refused"), e.getMessage());
        } catch (PriceCardConflictException e) {
            Refusal.show(FORM + ":effectiveFrom", text.getString("prices.error.conflict"), e.getMessage());
        } finally {
            rows = null;
        }
    }

    /** Where a refusal of the use case belongs: the field it names, else the tiers of the first rate. */
    static String fieldOf(InvalidParameterException e) {
        return switch (e.parameter()) {
            case "effectiveFrom" -> "effectiveFrom";
            case "monthlyMinimum" -> "monthlyMinimum";
            default -> "rates";
        };
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins add price cards");
        }
        return caller;
    }

    public PriceCardForm getForm() {
        return form;
    }

    public List<String> getChargeModels() {
        return List.of("PER_UNIT", "GRADUATED", "VOLUME", "PACKAGE");
    }
}
