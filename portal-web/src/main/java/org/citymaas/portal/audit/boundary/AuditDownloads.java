package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.security.audit.boundary.AuditEvidence;
import org.citymaas.security.audit.boundary.AuditExports;
import org.citymaas.security.audit.boundary.AuditRetention;
import org.citymaas.security.audit.boundary.CompliancePack;
import org.citymaas.security.audit.entity.ExportFormat;
import org.citymaas.security.audit.entity.InvalidAuditQueryException;
import org.citymaas.security.identity.entity.Caller;

/**
 * What auditors take away: exports of exactly a search's events with a signed manifest, and evidence
 * bundles of a range of the chain, both streamed as zips the offline verifier reads. Each is recorded
 * in the audit log (who, what, which filters or range) before its first byte is sent, so no read of the
 * log leaves it unrecorded.
 */
@ApplicationScoped
public class AuditDownloads {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Inject
    AuditSearch search;

    @Inject
    AuditExports exports;

    @Inject
    AuditEvidence evidence;

    @Inject
    AuditTrail trail;

    @Inject
    CompliancePack compliance;

    @Inject
    AuditRetention retention;

    /** A file to send: its name and its bytes, written when the answer is. */
    public record Download(String name, StreamingOutput body) {}

    /**
     * The export of the filters' events in {@code format} ({@code csv} or {@code jsonl}).
     *
     * @throws InvalidParameterException an unknown format or a filter the search refuses
     */
    public Download export(Caller auditor, String format, AuditSearch.Filters filters) {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.ofCode(format == null ? "" : format.strip());
        } catch (InvalidAuditQueryException e) {
            throw new InvalidParameterException("format", "the format is csv or jsonl");
        }
        var query = search.query(filters);
        trail.record(AuditTrail.by(auditor)
                .action("audit.export")
                .resource("v1/audit/exports")
                .outcome("OK", 200)
                .summary(chosen.code() + " " + AuditSearch.describe(filters))
                .build());
        var name = "audit-export-" + LocalDateTime.now(CITY).format(STAMP) + "-" + chosen.code() + ".zip";
        return new Download(name, out -> exports.exportArchive(query, chosen, out));
    }

    /**
     * The evidence bundle of the events {@code from..to}, signing the head first where no checkpoint
     * covers {@code to} yet.
     *
     * @throws InvalidParameterException a missing or empty range, or one past the chain's head
     */
    public Download bundle(Caller auditor, Long from, Long to) {
        if (from == null || to == null || from < 1 || to < from) {
            throw new InvalidParameterException("from", "a range is from and to, chain positions with 1 <= from <= to");
        }
        if (trail.checkpoints().covering(to).isEmpty()) {
            throw new InvalidParameterException("to", "the chain does not reach seq " + to + " yet");
        }
        trail.record(AuditTrail.by(auditor)
                .action("audit.bundle")
                .resource("v1/audit/bundles")
                .outcome("OK", 200)
                .summary("seq " + from + ".." + to)
                .build());
        return new Download("audit-bundle-" + from + "-" + to + ".zip", out -> evidence.exportRange(from, to, out));
    }

    /** The compliance pack (MLPS 2.0 level 3 audit mapping, verification, retention, checkpoints, keys). */
    public Download compliancePack(Caller auditor) {
        trail.record(AuditTrail.by(auditor)
                .action("audit.compliance-pack")
                .resource("v1/audit/compliance-pack")
                .outcome("OK", 200)
                .build());
        var name = "audit-compliance-pack-" + LocalDateTime.now(CITY).format(STAMP) + ".zip";
        return new Download(name, out -> compliance.write(Instant.now(), retention.policy(), out));
    }
}
