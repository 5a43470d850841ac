package org.citymaas.security.audit.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * One thing that happened, as the caller records it. Never raw personal data: this log does not
 * mask, the caller passes request and response digests and a summary it has already masked.
 *
 * <p>{@code occurredAt} is kept at microsecond precision, as PostgreSQL stores it, so that the hash
 * computed before the insert is the hash recomputed from the row.
 *
 * @param tenant the department, null for an anonymous or platform-wide caller
 * @param outcome {@code OK}, {@code DENIED}, {@code REJECTED}, {@code FAILED}...
 * @param httpStatus the status the caller answered, null when there was no HTTP answer
 * @param requestDigest lowercase hex SHA-256 of the request as the model received it (masked; see {@link
 *     #digest(byte[])}), or null
 * @param summary a short description the caller has already masked, or null
 */
public record AuditEvent(
        Instant occurredAt,
        String actor,
        ActorType actorType,
        TenantId tenant,
        String action,
        String resource,
        String outcome,
        Integer httpStatus,
        String clientAddress,
        String requestId,
        String requestDigest,
        String responseDigest,
        String summary) {

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorType, "actorType");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        check("actor", actor, 200, true);
        check("action", action, 100, true);
        check("resource", resource, 500, true);
        check("outcome", outcome, 20, true);
        check("clientAddress", clientAddress, 64, false);
        check("requestId", requestId, 100, false);
        check("summary", summary, Integer.MAX_VALUE, false);
        checkDigest("requestDigest", requestDigest);
        checkDigest("responseDigest", responseDigest);
    }

    /** Lowercase hex SHA-256 of a body, the form {@code requestDigest} and {@code responseDigest} take. */
    public static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void check(String name, String value, int maxLength, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(name + " is required");
            }
            return;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength);
        }
        // refuse what would not come back from PostgreSQL as the same UTF-8 that was hashed:
        // NUL (text cannot hold it) and lone UTF-16 surrogates (no UTF-8 form)
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(name + " contains NUL");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(name + " contains a lone surrogate");
            }
        }
    }

    private static void checkDigest(String name, String value) {
        if (value != null && !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(name + " is not a lowercase hex SHA-256");
        }
    }

    /** Builds an event field by field; {@code occurredAt} defaults to now. */
    public static final class Builder {
        private Instant occurredAt = Instant.now();
        private String actor;
        private ActorType actorType = ActorType.USER;
        private TenantId tenant;
        private String action;
        private String resource;
        private String outcome;
        private Integer httpStatus;
        private String clientAddress;
        private String requestId;
        private String requestDigest;
        private String responseDigest;
        private String summary;

        private Builder() {}

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder actor(String value, ActorType type) {
            actor = value;
            actorType = type;
            return this;
        }

        public Builder tenant(TenantId value) {
            tenant = value;
            return this;
        }

        public Builder action(String value) {
            action = value;
            return this;
        }

        public Builder resource(String value) {
            resource = value;
            return this;
        }

        public Builder outcome(String value, Integer status) {
            outcome = value;
            httpStatus = status;
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

        public Builder digests(String request, String response) {
            requestDigest = request;
            responseDigest = response;
            return this;
        }

        public Builder summary(String maskedSummary) {
            summary = maskedSummary;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    occurredAt,
                    actor,
                    actorType,
                    tenant,
                    action,
                    resource,
                    outcome,
                    httpStatus,
                    clientAddress,
                    requestId,
                    requestDigest,
                    responseDigest,
                    summary);
        }
    }
}
