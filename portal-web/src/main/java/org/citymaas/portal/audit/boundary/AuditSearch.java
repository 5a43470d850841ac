package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.citymaas.portal.departments.boundary.DepartmentIds;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.entity.AuditPage;
import org.citymaas.security.audit.entity.AuditQuery;
import org.citymaas.security.audit.entity.InvalidAuditQueryException;
import org.citymaas.security.identity.entity.Caller;

/**
 * The auditors' search of the audit log: filters as the API takes them (times in Asia/Shanghai unless
 * they carry an offset), newest first, a page at a time; each search is itself an audit event naming
 * the filters, so that who looked at what stays on the record.
 */
@ApplicationScoped
public class AuditSearch {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\x20-\\x7e]");

    @Inject
    AuditLog log;

    @Inject
    AuditTrail trail;

    /** The filters of one search, as the caller wrote them. */
    public record Filters(
            String from,
            String to,
            List<String> departments,
            List<String> actors,
            List<String> actions,
            List<String> models,
            List<String> outcomes,
            Integer status,
            String clientAddress,
            String requestId,
            Integer limit) {}

    /**
     * One page of the events that match, and the read recorded.
     *
     * @throws InvalidParameterException a filter or cursor the search refuses, naming it
     */
    public AuditPage search(Caller auditor, Filters filters, String cursor) {
        var query = query(filters);
        AuditPage page;
        try {
            page = log.search(query, blankToNull(cursor));
        } catch (InvalidAuditQueryException e) {
            throw new InvalidParameterException("cursor", e.getMessage());
        }
        trail.record(AuditTrail.by(auditor)
                .action("audit.search")
                .resource("v1/audit/events")
                .outcome("OK", 200)
                .summary(summary(filters, cursor, page.events().size()))
                .build());
        return page;
    }

    /**
     * The query of the filters, for a search or an export.
     *
     * @throws InvalidParameterException a filter the search refuses, naming it
     */
    public AuditQuery query(Filters filters) {
        try {
            var builder = AuditQuery.builder()
                    .between(instant("from", filters.from(), false), instant("to", filters.to(), true))
                    .departments(filters.departments().stream()
                            .map(DepartmentIds::parse)
                            .toList())
                    .actors(filters.actors())
                    .actions(filters.actions())
                    .models(filters.models())
                    .outcomes(filters.outcomes())
                    .httpStatus(filters.status())
                    .clientAddress(blankToNull(filters.clientAddress()))
                    .requestId(blankToNull(filters.requestId()));
            if (filters.limit() != null) {
                builder.pageSize(filters.limit());
            }
            return builder.build();
        } catch (InvalidAuditQueryException e) {
            throw new InvalidParameterException("filter", e.getMessage());
        }
    }

    /** A filter value as a time: {@code 2026-12-07}, {@code 2026-12-07T08:30} (city time) or with an offset. */
    static Instant instant(String name, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var value = text.strip();
        try {
            if (value.length() == 10) {
                var day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(CITY).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(CITY).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidParameterException(
                    name, "a time is 2026-12-07, 2026-12-07T08:30 (Asia/Shanghai) or 2026-12-07T08:30+08:00");
        }
    }

    /** The filters as printable structure for the audit event: what was asked, never a stray character. */
    static String summary(Filters filters, String cursor, int returned) {
        return describe(filters) + (cursor == null || cursor.isBlank() ? "" : ", next page") + ", " + returned
                + " events";
    }

    /** The filters alone as printable structure ({@code filters {action=[batch.*], department=[transport]}}). */
    public static String describe(Filters filters) {
        Map<String, Object> asked = new TreeMap<>();
        put(asked, "from", filters.from());
        put(asked, "to", filters.to());
        put(asked, "department", filters.departments());
        put(asked, "actor", filters.actors());
        put(asked, "action", filters.actions());
        put(asked, "model", filters.models());
        put(asked, "outcome", filters.outcomes());
        put(asked, "status", filters.status());
        put(asked, "ip", filters.clientAddress());
        put(asked, "requestId", filters.requestId());
        put(asked, "limit", filters.limit());
        var text = PRINTABLE.matcher("filters " + asked).replaceAll("?");
        return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
    }

    private static void put(Map<String, Object> asked, String name, Object value) {
        if (value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        asked.put(name, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
