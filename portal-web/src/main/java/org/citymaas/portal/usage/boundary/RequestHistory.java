package org.citymaas.portal.usage.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.InferenceTarget;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * "My history": the caller's own newest inference requests from the audit log, every outcome, each
 * with its usage from billing when it was charged. A retried request id was charged once, for the
 * first request that succeeded; only that one shows rows and compute time.
 */
@ApplicationScoped
public class RequestHistory {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    static final String ACTION = "inference.request";
    static final String OK = "OK";

    private static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(QuotaPeriod.CITY_ZONE);

    @Inject
    AuditTrail audit;

    @Inject
    UsageEvents usage;

    /**
     * The caller's newest requests, newest first.
     *
     * @param limit how many (1 to 500); none: 50
     * @throws InvalidParameterException a limit that is no number or out of range
     */
    public List<HistoryEntryView> recent(Caller caller, String limit) {
        var count = limit(limit);
        var tenant = caller.tenant();
        if (tenant == null) {
            return List.of();
        }
        var actorType = caller.kind() == CallerKind.SERVICE ? ActorType.SERVICE : ActorType.USER;
        var events = audit.eventsOf(caller.name(), actorType, tenant, ACTION, count);
        var succeeded = events.stream()
                .map(ChainedEvent::event)
                .filter(e -> OK.equals(e.outcome()) && e.requestId() != null)
                .map(e -> e.requestId())
                .collect(Collectors.toSet());
        var firstSuccess = audit.firstOutcomes(tenant, ACTION, OK, succeeded);
        var chargedIds = events.stream()
                .filter(e -> charged(e, firstSuccess))
                .map(e -> e.event().requestId())
                .collect(Collectors.toSet());
        Map<String, UsageEvent> charges = chargedIds.isEmpty() ? Map.of() : usage.charged(tenant, chargedIds);
        return entries(events, firstSuccess, charges);
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            var value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidParameterException("limit", "a whole number from 1 to " + MAX_LIMIT);
    }

    /**
     * The entries of the audit events, in their order; an event shows the usage of its request id
     * only when it is that id's first success (the request that was charged).
     *
     * @param firstSuccess the seq of each request id's first successful event
     * @param charges the usage charged per request id
     */
    static List<HistoryEntryView> entries(
            List<ChainedEvent> events, Map<String, Long> firstSuccess, Map<String, UsageEvent> charges) {
        return events.stream()
                .map(e -> entry(
                        e, charged(e, firstSuccess) ? charges.get(e.event().requestId()) : null))
                .toList();
    }

    private static boolean charged(ChainedEvent chained, Map<String, Long> firstSuccess) {
        var event = chained.event();
        return OK.equals(event.outcome())
                && event.requestId() != null
                && Objects.equals(firstSuccess.get(event.requestId()), chained.seq());
    }

    private static HistoryEntryView entry(ChainedEvent chained, UsageEvent charge) {
        var event = chained.event();
        var target = InferenceTarget.of(event.resource());
        var status = event.httpStatus();
        return new HistoryEntryView(
                CITY_TIME.format(event.occurredAt()),
                target.model(),
                charge != null ? charge.modelVersion() : target.version().orElse(null),
                event.requestId(),
                event.outcome(),
                status == null || status == 0 ? null : status,
                charge != null ? charge.rows() : null,
                charge != null ? charge.computeMillis() : null);
    }
}
