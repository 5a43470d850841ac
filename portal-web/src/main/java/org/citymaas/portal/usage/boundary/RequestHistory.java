package org.citymaas.portal.usage.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.citymaas.billing.usage.boundary.UsageEvents;
import org.citymaas.billing.usage.entity.UsageEvent;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.errors.InvalidParameterException;
import org.citymaas.portal.usage.control.InferenceTarget;
import org.citymaas.portal.usage.control.RequestKind;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.quotas.entity.QuotaPeriod;

/**
 * "My history": the caller's own newest inference requests and explanations from the audit log, every
 * outcome, each with its kind and with its usage from billing when it was charged. A retried request id
 * was charged once, for the first request of its kind that succeeded; only that one shows rows and
 * compute time.
 */
@ApplicationScoped
public class RequestHistory {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    static final String OK = "OK";

    private static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(QuotaPeriod.CITY_ZONE);

    @Inject
    AuditTrail audit;

    @Inject
    UsageEvents usage;

    /**
     * The caller's newest requests of every kind, newest first: the caller's own events (actor and actor
     * type) in the caller's department only, as the audit log keeps them.
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
        var firstSuccess = new EnumMap<RequestKind, Map<String, Long>>(RequestKind.class);
        var perKind = new ArrayList<List<ChainedEvent>>();
        for (var kind : RequestKind.values()) {
            var events = audit.eventsOf(caller.name(), actorType, tenant, kind.action(), count);
            perKind.add(events);
            var succeeded = events.stream()
                    .map(ChainedEvent::event)
                    .filter(e -> OK.equals(e.outcome()) && e.requestId() != null)
                    .map(e -> e.requestId())
                    .collect(Collectors.toSet());
            firstSuccess.put(kind, audit.firstOutcomes(tenant, kind.action(), OK, succeeded));
        }
        var events = newest(perKind, count);
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
     * The newest {@code limit} events of lists that are each newest first: by chain position, the newest
     * first. The newest of the union are among the newest {@code limit} of each list.
     */
    static List<ChainedEvent> newest(List<List<ChainedEvent>> lists, int limit) {
        return lists.stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparingLong(ChainedEvent::seq).reversed())
                .limit(limit)
                .toList();
    }

    /**
     * The entries of the audit events, in their order; an event shows the usage of its request id only
     * when it is that id's first success of its kind (the request that was charged) and the usage is of
     * that kind.
     *
     * @param firstSuccess per kind, the seq of each request id's first successful event
     * @param charges the usage charged per request id
     */
    static List<HistoryEntryView> entries(
            List<ChainedEvent> events,
            Map<RequestKind, Map<String, Long>> firstSuccess,
            Map<String, UsageEvent> charges) {
        return events.stream()
                .map(e -> entry(e, chargeOf(e, firstSuccess, charges)))
                .toList();
    }

    private static UsageEvent chargeOf(
            ChainedEvent chained, Map<RequestKind, Map<String, Long>> firstSuccess, Map<String, UsageEvent> charges) {
        if (!charged(chained, firstSuccess)) {
            return null;
        }
        var charge = charges.get(chained.event().requestId());
        return charge != null && charge.kind() == kindOf(chained).usage() ? charge : null;
    }

    private static boolean charged(ChainedEvent chained, Map<RequestKind, Map<String, Long>> firstSuccess) {
        var event = chained.event();
        return OK.equals(event.outcome())
                && event.requestId() != null
                && Objects.equals(
                        firstSuccess.getOrDefault(kindOf(chained), Map.of()).get(event.requestId()), chained.seq());
    }

    private static RequestKind kindOf(ChainedEvent chained) {
        return RequestKind.ofAction(chained.event().action());
    }

    private static HistoryEntryView entry(ChainedEvent chained, UsageEvent charge) {
        var event = chained.event();
        var target = InferenceTarget.of(event.resource());
        var status = event.httpStatus();
        return new HistoryEntryView(
                CITY_TIME.format(event.occurredAt()),
                kindOf(chained).code(),
                target.model(),
                charge != null ? charge.modelVersion() : target.version().orElse(null),
                event.requestId(),
                event.outcome(),
                status == null || status == 0 ? null : status,
                charge != null ? charge.rows() : null,
                charge != null ? charge.computeMillis() : null);
    }
}
