package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.citymaas.portal.audit.boundary.AuditDownloads;
import org.citymaas.portal.audit.boundary.AuditReviews;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.audit.entity.Checkpoint;

/**
 * The signed checkpoints, newest first ({@code before=} pages down), each with its signature and the
 * key id (the SHA-256 fingerprint of the public key that signed it), the key history with every public
 * key, and the compliance pack ({@code download=compliance-pack}). Reading the list is recorded.
 */
@Named
@RequestScoped
public class AuditCheckpointsPage {

    static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    AuditReviews reviews;

    @Inject
    AuditDownloads downloads;

    @Inject
    CurrentCaller currentCaller;

    private String before;
    private String download;
    private List<Checkpoint> checkpoints = List.of();
    private List<AuditReviews.KeyEntry> keys = List.of();
    private String error;

    public void load() throws IOException {
        if (PageParameter.judge(before, AuditEventPage.SEQ) == PageParameter.MALFORMED
                || (download != null && !download.equals("compliance-pack"))) {
            before = null;
            error = FormMessages.text().getString("audit.checkpoints.invalid");
            PageParameter.status(400);
            return;
        }
        if (download != null) {
            AuditFiles.send(downloads.compliancePack(currentCaller.get()));
            return;
        }
        checkpoints = reviews.checkpoints(currentCaller.get(), before == null ? null : Long.valueOf(before));
        keys = reviews.keyHistory();
    }

    /** A time in the city (Asia/Shanghai). */
    public String cityTime(Instant instant) {
        return CITY_TIME.format(instant);
    }

    public List<Checkpoint> getCheckpoints() {
        return checkpoints;
    }

    public List<AuditReviews.KeyEntry> getKeys() {
        return keys;
    }

    /** The seq below which the next (older) page starts, or null when this page is the last. */
    public Long getOlder() {
        return checkpoints.size() < AuditReviews.CHECKPOINTS_PER_PAGE
                ? null
                : checkpoints.get(checkpoints.size() - 1).seq();
    }

    public String getError() {
        return error;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before == null || before.isEmpty() ? null : before;
    }

    public String getDownload() {
        return download;
    }

    public void setDownload(String download) {
        this.download = download == null || download.isEmpty() ? null : download;
    }
}
