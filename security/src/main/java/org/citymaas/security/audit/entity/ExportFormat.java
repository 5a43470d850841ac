package org.citymaas.security.audit.entity;

import java.util.List;
import java.util.Locale;

/**
 * The forms an export of audit events takes: CSV for people (spreadsheets), JSON Lines for machines
 * and for verification (every event's hash can be recomputed from its line).
 */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    JSONL("jsonl", "application/jsonl; charset=UTF-8");

    /**
     * The header row of a CSV export; times in UTC ({@code occurred_at}, the canonical form) and in
     * Asia/Shanghai.
     */
    public static final List<String> CSV_HEADER = List.of(
            "seq",
            "occurred_at",
            "occurred_at_shanghai",
            "actor",
            "actor_type",
            "department",
            "action",
            "resource",
            "outcome",
            "http_status",
            "client_address",
            "request_id",
            "request_digest",
            "response_digest",
            "summary",
            "prev_hash",
            "hash");

    private final String code;
    private final String mediaType;

    ExportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    /** The manifest's and the URL's word for it: {@code csv} or {@code jsonl}. */
    public String code() {
        return code;
    }

    /** The media type to serve the events file with. */
    public String mediaType() {
        return mediaType;
    }

    /** The name of the events file, in an export archive and as a download. */
    public String fileName() {
        return "audit-events." + code;
    }

    /**
     * The format named by its code, in any case.
     *
     * @throws InvalidAuditQueryException not {@code csv} or {@code jsonl}
     */
    public static ExportFormat ofCode(String code) {
        for (var format : values()) {
            if (format.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidAuditQueryException("an export format is csv or jsonl, not " + code);
    }
}
