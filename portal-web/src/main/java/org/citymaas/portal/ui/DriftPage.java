package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.citymaas.portal.drift.boundary.DriftReports;
import org.citymaas.portal.drift.entity.DriftRow;
import org.citymaas.portal.drift.entity.DriftSettings;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;

/**
 * The drift page of platform admins and auditors: a month's predictions per department and model
 * version with their PSI and verdict, and the selected row's distribution as bars beside the card's
 * held-out reference. Month and row are in the address ({@code ?month=2026-12&row=3}), so that a page
 * keeps them across a language switch. Each view is an audited read.
 */
@Named
@RequestScoped
public class DriftPage {

    private static final Pattern ROW = Pattern.compile("\\d{1,6}");

    @Inject
    DriftReports reports;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Language language;

    private String month;
    private String row;
    private DriftReports.DriftReport report;
    private List<String> months = List.of();
    private String error;

    /** Reads the month's report; a malformed month or row answers 400 with a message. */
    public void load() {
        if (PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || PageParameter.judge(row, ROW) == PageParameter.MALFORMED) {
            month = null;
            row = null;
            error = text().getString("page.parameter.invalid");
            PageParameter.status(400);
            return;
        }
        try {
            report = reports.report(currentCaller.get(), month, "portal/admin/drift");
        } catch (InvalidParameterException e) {
            error = MessageFormat.format(text().getString("drift.error.month"), e.getMessage());
            PageParameter.status(400);
            return;
        } finally {
            months = reports.months().stream().map(YearMonth::toString).toList();
        }
        month = report.month().toString();
    }

    public boolean isLoaded() {
        return report != null;
    }

    public List<DriftRow> getRows() {
        return report == null ? List.of() : report.rows();
    }

    /** The row whose distribution is shown: the one in the address, else the first flagged, else the first. */
    public int getSelectedIndex() {
        var rows = getRows();
        if (rows.isEmpty()) {
            return -1;
        }
        if (row != null && !row.isEmpty()) {
            int i = Integer.parseInt(row);
            return i < rows.size() ? i : -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).verdict() == org.citymaas.portal.drift.entity.Verdict.DRIFT) {
                return i;
            }
        }
        return 0;
    }

    public DriftRow getSelected() {
        int i = getSelectedIndex();
        return i < 0 ? null : getRows().get(i);
    }

    /**
     * The width of a share's bar: the widest share of the selected row (live or reference) takes 85% of the
     * line, the rest is left for the figure beside it.
     */
    public String width(double share) {
        var selected = getSelected();
        double widest = selected == null
                ? 1
                : selected.bins().stream()
                        .mapToDouble(b -> Math.max(b.live(), b.reference()))
                        .max()
                        .orElse(1);
        return String.format(Locale.ROOT, "%.1f%%", widest <= 0 ? 0 : 85 * share / widest);
    }

    public String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    public String psi(Double psi) {
        return psi == null ? "–" : String.format(Locale.ROOT, "%.3f", psi);
    }

    public DriftSettings getSettings() {
        return report == null ? reports.settings() : report.settings();
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getRow() {
        return row;
    }

    public void setRow(String row) {
        this.row = row;
    }

    public List<String> getMonths() {
        return months;
    }

    public String getError() {
        return error;
    }
}
