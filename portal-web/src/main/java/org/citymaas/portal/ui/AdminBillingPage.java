package org.citymaas.portal.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.citymaas.billing.errors.ExportRefusedException;
import org.citymaas.billing.pricing.entity.CityTotal;
import org.citymaas.billing.statements.boundary.Statements;
import org.citymaas.billing.statements.entity.Statement;
import org.citymaas.portal.billing.boundary.Accounts;
import org.citymaas.portal.billing.boundary.Chargeback;
import org.citymaas.portal.billing.boundary.FinanceFiles;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.exports.control.FinanceExports;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.Role;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The platform admins' billing close page: for an ended month, every department's statement status
 * and total with the city total and its rounding line, the month's finance files (signed once every
 * statement is issued, an unsigned preview before; {@code ?file=} downloads one, like the API) and the
 * exports' public key. The same page's accounts and budgets are {@link BillingAccountsPage}.
 */
@Named
@ViewScoped
public class AdminBillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One department's month.
     *
     * @param department the department's id
     * @param nameZh its Chinese name
     * @param nameEn its English name
     * @param status OPEN, DRAFT, ISSUED or VOID, or NONE when it has no statement yet
     * @param number the statement number once issued
     * @param total the statement's total, CNY, or null
     * @param review ACCEPTED or DISPUTED, or null
     */
    public record MonthRow(
            String department,
            String nameZh,
            String nameEn,
            String status,
            String number,
            String total,
            String review) {}

    @Inject
    transient Chargeback chargeback;

    @Inject
    transient Statements statements;

    @Inject
    transient Accounts accounts;

    @Inject
    transient FinanceFiles files;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String month;
    private String file;
    private String error;
    private transient List<MonthRow> rows;
    private transient List<FinanceExports.ExportFile> exportFiles;
    private transient CityTotal cityTotal;

    /** Reads the month in the address (the last ended one when none); a bad month answers 400. */
    public void load() throws IOException {
        var ended = chargeback.currentMonth().minusMonths(1);
        if (PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MISSING) {
            month = ended.toString();
        }
        if (PageParameter.judge(month, PageParameter.MONTH) == PageParameter.MALFORMED
                || !getMonths().contains(month)) {
            month = ended.toString();
            file = null;
            error = text().getString("adminBilling.error.month");
            PageParameter.status(400);
            return;
        }
        if (file != null && !file.isEmpty()) {
            download();
        }
    }

    /** A finance file's stable id on the page: its kind, e.g. {@code focus-csv} or {@code journal-csv-sig}. */
    public String fileId(String name) {
        return idOf(name);
    }

    static String idOf(String name) {
        return name.replaceFirst("^citymaas-", "")
                .replaceFirst("-\\d{4}-\\d{2}(-preview)?", "")
                .replace('.', '-');
    }

    private void download() throws IOException {
        FinanceExports.ExportFile export;
        try {
            export = files.file(admin(), month, file);
        } catch (InvalidParameterException | ExportRefusedException e) {
            error = text().getString("adminBilling.error.file");
            file = null;
            PageParameter.status(404);
            return;
        }
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        var bytes = export.bytes();
        external.responseReset();
        external.setResponseContentType(export.mediaType());
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + export.name() + "\"");
        external.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /** The ended months to pick from: the 24 before this one, newest first. */
    public List<String> getMonths() {
        var now = chargeback.currentMonth();
        var months = new ArrayList<String>();
        for (int i = 1; i <= 24; i++) {
            months.add(now.minusMonths(i).toString());
        }
        return months;
    }

    /** Every active department's statement of the month (or none yet). */
    public List<MonthRow> getRows() {
        if (rows == null) {
            Map<TenantId, Statement> byDepartment = chargeback.ofMonth(month).stream()
                    .collect(Collectors.toMap(s -> s.account().tenant(), Function.identity(), (a, b) -> a));
            rows = accounts.all().stream()
                    .map(a -> {
                        var s = byDepartment.get(a.tenant());
                        return new MonthRow(
                                a.tenant().value(),
                                a.nameZh(),
                                a.nameEn(),
                                s == null ? "NONE" : s.status().name(),
                                s == null ? null : s.number(),
                                s == null ? null : s.total().toPlainString(),
                                s == null || s.review() == null
                                        ? null
                                        : s.review().accepted() ? "ACCEPTED" : "DISPUTED");
                    })
                    .toList();
        }
        return rows;
    }

    /** The city's total of the month over its issued statements, with the rounding line. */
    public CityTotal getCityTotal() {
        if (cityTotal == null) {
            cityTotal = statements.cityTotal(YearMonth.parse(month));
        }
        return cityTotal;
    }

    /** The month's finance files: final and signed when every statement is issued, else a preview. */
    public List<FinanceExports.ExportFile> getFiles() {
        if (exportFiles == null) {
            exportFiles = exportFiles(false);
            if (exportFiles.isEmpty()) {
                exportFiles = exportFiles(true);
            }
        }
        return exportFiles;
    }

    private List<FinanceExports.ExportFile> exportFiles(boolean preview) {
        try {
            return files.files(month, preview);
        } catch (ExportRefusedException e) {
            return List.of();
        }
    }

    /** Whether the files shown are the final, signed ones. */
    public boolean isFinalFiles() {
        return getFiles().stream().anyMatch(f -> f.name().endsWith(".sig"));
    }

    public String getPublicKey() {
        return files.publicKeyPem();
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    /** The signed-in platform admin: web.xml keeps everyone else off this page, this is a second wall. */
    private Caller admin() {
        var caller = currentCaller.get();
        if (!caller.has(Role.PLATFORM_ADMIN)) {
            throw new IllegalStateException("only platform admins close months and set accounts and budgets");
        }
        return caller;
    }

    public String getError() {
        return error;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }
}
