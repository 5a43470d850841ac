package org.citymaas.billing.statements.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.citymaas.billing.statements.entity.UsageCitation;

/**
 * What a set of billable usage events adds up to, with the citation of the events: their count, the
 * SHA-256 of their request ids (fed in ascending order, each followed by a line feed) and the latest
 * of them (by time, then request id). Events must be added in ascending order of request id.
 */
final class UsageTotals {

    private final MessageDigest digest;
    private final Set<String> devices = new TreeSet<>();
    private long requests;
    private long rows;
    private BigDecimal computeMillis = BigDecimal.ZERO;
    private String lastRequestId;
    private Instant lastAt;
    private UsageCitation citation;

    UsageTotals() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void add(String requestId, long eventRows, BigDecimal eventMillis, String device, Instant occurredAt) {
        if (citation != null) {
            throw new IllegalStateException("the events were cited already");
        }
        digest.update((requestId + "\n").getBytes(StandardCharsets.UTF_8));
        requests++;
        rows += eventRows;
        computeMillis = computeMillis.add(eventMillis);
        devices.add(device);
        if (lastAt == null
                || occurredAt.isAfter(lastAt)
                || (occurredAt.equals(lastAt) && requestId.compareTo(lastRequestId) > 0)) {
            lastAt = occurredAt;
            lastRequestId = requestId;
        }
    }

    long requests() {
        return requests;
    }

    long rows() {
        return rows;
    }

    BigDecimal computeMillis() {
        return computeMillis;
    }

    /** The devices the events ran on: {@code cpu}, {@code gpu} or both joined by {@code +}; null for none. */
    String device() {
        return devices.isEmpty() ? null : String.join("+", devices);
    }

    /** The citation of the events, not yet covered by a checkpoint; no event may be added after. */
    UsageCitation citation() {
        if (citation == null) {
            citation = requests == 0
                    ? UsageCitation.none()
                    : new UsageCitation(requests, HexFormat.of().formatHex(digest.digest()), lastRequestId, null, null);
        }
        return citation;
    }
}
