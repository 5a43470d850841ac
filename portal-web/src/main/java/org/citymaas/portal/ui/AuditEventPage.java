package org.citymaas.portal.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.regex.Pattern;
import org.citymaas.portal.audit.boundary.AuditReviews;
import org.citymaas.portal.signin.CurrentCaller;

/**
 * One audit event as an auditor reads it ({@code ?seq=}): its fields, its place in the chain with its
 * hash and the previous one, and the signed checkpoint that covers it, or that none does yet. Reading it
 * is recorded; a malformed position answers 400, one the chain does not hold 404.
 */
@Named
@RequestScoped
public class AuditEventPage {

    static final Pattern SEQ = Pattern.compile("[1-9]\\d{0,17}");

    @Inject
    AuditReviews reviews;

    @Inject
    CurrentCaller currentCaller;

    private String seq;
    private AuditReviews.EventDetail detail;
    private String error;

    public void load() {
        if (PageParameter.judge(seq, SEQ) != PageParameter.WELL_FORMED) {
            seq = null;
            error = FormMessages.text().getString("audit.event.invalid");
            PageParameter.status(400);
            return;
        }
        detail = reviews.event(currentCaller.get(), Long.parseLong(seq)).orElse(null);
        if (detail == null) {
            error = FormMessages.text().getString("audit.event.notFound");
            PageParameter.status(404);
        }
    }

    /** A time in the city (Asia/Shanghai). */
    public String cityTime(java.time.Instant instant) {
        return AuditCheckpointsPage.CITY_TIME.format(instant);
    }

    /** An event's time as the search shows it (Asia/Shanghai, with its offset) in the page's form. */
    public String shown(String occurredAt) {
        return AuditCheckpointsPage.CITY_TIME.format(java.time.OffsetDateTime.parse(occurredAt));
    }

    public AuditReviews.EventDetail getDetail() {
        return detail;
    }

    /** The covering checkpoint, or null when none covers the event yet. */
    public org.citymaas.security.audit.entity.Checkpoint getCheckpoint() {
        return detail == null ? null : detail.coveredBy().orElse(null);
    }

    /** Where the range check of this event starts out: the event up to its checkpoint (or itself). */
    public long getVerifyTo() {
        var checkpoint = getCheckpoint();
        return checkpoint == null ? detail.event().seq() : checkpoint.seq();
    }

    public String getError() {
        return error;
    }

    public String getSeq() {
        return seq;
    }

    public void setSeq(String seq) {
        this.seq = seq;
    }
}
