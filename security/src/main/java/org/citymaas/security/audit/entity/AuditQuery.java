package org.citymaas.security.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * What an auditor searches the audit log for; every filter left empty matches everything, the filters
 * given must all match (several values of one filter: any of them). Results come newest first (by
 * chain position), {@code pageSize} at a time.
 *
 * @param from the earliest {@code occurredAt} (inclusive), or null
 * @param to the end of the time range (exclusive), or null
 * @param departments the events' departments
 * @param actors user or service names, as recorded ({@code zhang.wei}, {@code svc-transport})
 * @param actions exact actions ({@code inference.request}) or categories, the part before the first dot
 *     and {@code .*} ({@code batch.*}, {@code signin.*})
 * @param models model names: events whose resource is {@code models/<name>} or below it, or a department's
 *     subscription or quota of the model ({@code tenants/<dept>/subscriptions/<name>}, {@code .../quotas/<name>})
 * @param outcomes recorded outcomes ({@code OK}, {@code DENIED}, {@code REJECTED}, {@code FAILED}...)
 * @param httpStatus the status answered, or null
 * @param clientAddress the client address, exactly as recorded, or null
 * @param requestId the request id, exactly, or null
 * @param pageSize events per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record AuditQuery(
        Instant from,
        Instant to,
        Set<TenantId> departments,
        Set<String> actors,
        Set<String> actions,
        Set<String> models,
        Set<String> outcomes,
        Integer httpStatus,
        String clientAddress,
        String requestId,
        int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    /** The most values one filter takes. */
    public static final int MAX_VALUES = 100;

    private static final Pattern EXACT_ACTION = Pattern.compile("[a-z][a-z0-9-]{0,49}(\\.[a-z0-9-]{1,50}){1,4}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,49}\\.\\*");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern OUTCOME = Pattern.compile("[A-Z][A-Z_]{0,19}");

    public AuditQuery {
        from = from == null ? null : from.truncatedTo(ChronoUnit.MICROS);
        to = to == null ? null : to.truncatedTo(ChronoUnit.MICROS);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("the time range is empty: from " + from + " is not before to " + to);
        }
        departments = FilterValues.values("department", departments, d -> true, Comparator.comparing(TenantId::value));
        actors = FilterValues.values(
                "actor", actors, a -> a.length() <= 200 && FilterValues.printable(a), Comparator.naturalOrder());
        actions = FilterValues.values(
                "action",
                actions,
                a -> EXACT_ACTION.matcher(a).matches() || CATEGORY.matcher(a).matches(),
                Comparator.naturalOrder());
        models = FilterValues.values("model", models, m -> MODEL.matcher(m).matches(), Comparator.naturalOrder());
        outcomes =
                FilterValues.values("outcome", outcomes, o -> OUTCOME.matcher(o).matches(), Comparator.naturalOrder());
        if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
            throw new InvalidAuditQueryException("an HTTP status is 100 to 599, not " + httpStatus);
        }
        FilterValues.check("client address", clientAddress, 64);
        FilterValues.check("request id", requestId, 100);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidAuditQueryException("the page size is 1 to " + MAX_PAGE_SIZE + " events, not " + pageSize);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The exact actions among {@link #actions}. */
    public Set<String> exactActions() {
        return actions.stream().filter(a -> !a.endsWith(".*")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The categories named by {@link #actions}: each category, and each exact action's. */
    public Set<String> actionCategories() {
        return actions.stream().map(a -> a.substring(0, a.indexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The categories asked for as a whole ({@code batch.*} gives {@code batch}). */
    public Set<String> wholeCategories() {
        return actions.stream()
                .filter(a -> a.endsWith(".*"))
                .map(a -> a.substring(0, a.length() - 2))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * SHA-256 of the filters (not the page size) in a fixed form: two queries with the same filters have
     * the same fingerprint, whatever order their values were given in.
     */
    public byte[] fingerprint() {
        var form = String.join(
                "\n",
                "citymaas-audit-query/1",
                String.valueOf(from),
                String.valueOf(to),
                departments.stream().map(TenantId::value).collect(Collectors.joining("\u0000")),
                String.join("\u0000", actors),
                String.join("\u0000", actions),
                String.join("\u0000", models),
                String.join("\u0000", outcomes),
                String.valueOf(httpStatus),
                String.valueOf(clientAddress),
                String.valueOf(requestId));
        try {
            return MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Builds a query filter by filter; nothing set matches every event, {@value #DEFAULT_PAGE_SIZE} a page. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private final Set<TenantId> departments = new LinkedHashSet<>();
        private final Set<String> actors = new LinkedHashSet<>();
        private final Set<String> actions = new LinkedHashSet<>();
        private final Set<String> models = new LinkedHashSet<>();
        private final Set<String> outcomes = new LinkedHashSet<>();
        private Integer httpStatus;
        private String clientAddress;
        private String requestId;
        private int pageSize = DEFAULT_PAGE_SIZE;

        private Builder() {}

        /** Events that occurred at or after {@code from} and before {@code to}; either may be null. */
        public Builder between(Instant from, Instant to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public Builder departments(Collection<TenantId> values) {
            departments.addAll(values);
            return this;
        }

        public Builder actors(Collection<String> values) {
            actors.addAll(values);
            return this;
        }

        public Builder actions(Collection<String> values) {
            actions.addAll(values);
            return this;
        }

        public Builder models(Collection<String> values) {
            models.addAll(values);
            return this;
        }

        public Builder outcomes(Collection<String> values) {
            outcomes.addAll(values);
            return this;
        }

        public Builder httpStatus(Integer value) {
            httpStatus = value;
            return this;
        }

        public Builder clientAddress(String value) {
            clientAddress = value;
            return this;
        }

        public Builder requestId(String value) {
            requestId = value;
            return this;
        }

        public Builder pageSize(int value) {
            pageSize = value;
            return this;
        }

        public AuditQuery build() {
            return new AuditQuery(
                    from,
                    to,
                    departments,
                    actors,
                    actions,
                    models,
                    outcomes,
                    httpStatus,
                    clientAddress,
                    requestId,
                    pageSize);
        }
    }
}
