package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.portal.billing.boundary.BudgetDesk;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.tenant.departments.boundary.Departments;

/**
 * The budget banner on every page of tenant admins (their department's active alerts) and platform
 * admins (every department's). Billing being unreachable never fails a page: the banner is then left
 * out and the failure logged.
 */
@Named
@RequestScoped
public class BudgetBanner {

    private static final Logger LOG = Logger.getLogger(BudgetBanner.class.getName());

    @Inject
    BudgetDesk budgets;

    @Inject
    Departments departments;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Language language;

    private List<String> lines;

    /** The active alerts, one sentence each in the page's language; empty when there are none or billing fails. */
    public List<String> getLines() {
        if (lines == null) {
            lines = read();
        }
        return lines;
    }

    private List<String> read() {
        try {
            var caller = currentCaller.find();
            if (caller.isEmpty()) {
                return List.of();
            }
            var alerts = budgets.banner(caller.get());
            if (alerts.isEmpty()) {
                return List.of();
            }
            var text = ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
            return alerts.stream()
                    .map(a -> MessageFormat.format(
                            text.getString("banner." + a.kind().name()),
                            departments
                                    .find(a.tenant())
                                    .map(d -> language.name(d.nameZh(), d.nameEn()))
                                    .orElse(a.tenant().value()),
                            a.observed()
                                    .setScale(2, java.math.RoundingMode.HALF_UP)
                                    .toPlainString(),
                            a.budget().toPlainString()))
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "budget banner left out: billing could not be read", e);
            return List.of();
        }
    }
}
