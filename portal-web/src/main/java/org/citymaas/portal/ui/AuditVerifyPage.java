package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.citymaas.portal.audit.boundary.AuditDownloads;
import org.citymaas.portal.audit.boundary.AuditReviews;
import org.citymaas.portal.audit.boundary.VerificationView;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.signin.CurrentCaller;

/**
 * "Verify this range": chain positions {@code from} and {@code to} (blank: the first and the head),
 * checked when {@code run=1}, the verdict shown (intact, or the first break's kind and position, the
 * published checkpoints included); {@code download=bundle} sends the range's evidence bundle. Both go
 * through the API's boundaries and are recorded the same way.
 */
@Named
@RequestScoped
public class AuditVerifyPage {

    @Inject
    AuditReviews reviews;

    @Inject
    AuditDownloads downloads;

    @Inject
    CurrentCaller currentCaller;

    private String from;
    private String to;
    private String run;
    private String download;
    private VerificationView verdict;
    private String error;

    public void load() throws IOException {
        if (!wellFormed(from) || !wellFormed(to) || (download != null && !download.equals("bundle"))) {
            from = null;
            to = null;
            error = FormMessages.text().getString("audit.verify.invalid");
            PageParameter.status(400);
            return;
        }
        var first = from == null ? null : Long.valueOf(from);
        var last = to == null ? null : Long.valueOf(to);
        try {
            if ("bundle".equals(download)) {
                AuditFiles.send(downloads.bundle(currentCaller.get(), first, last));
                return;
            }
        } catch (InvalidParameterException e) {
            error = AuditSearchPage.readable(e);
            PageParameter.status(400);
            return;
        }
        if (run != null && !run.isEmpty()) {
            if (first != null && last != null && last < first) {
                error = FormMessages.text().getString("audit.verify.invalid");
                PageParameter.status(400);
                return;
            }
            verdict = reviews.verify(currentCaller.get(), first, last);
        }
    }

    private static boolean wellFormed(String value) {
        return PageParameter.judge(value, AuditEventPage.SEQ) != PageParameter.MALFORMED;
    }

    public VerificationView getVerdict() {
        return verdict;
    }

    public String getError() {
        return error;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from == null || from.isBlank() ? null : from.strip();
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to == null || to.isBlank() ? null : to.strip();
    }

    public String getRun() {
        return run;
    }

    public void setRun(String run) {
        this.run = run;
    }

    public String getDownload() {
        return download;
    }

    public void setDownload(String download) {
        this.download = download == null || download.isBlank() ? null : download;
    }
}
