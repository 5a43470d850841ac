package org.citymaas.portal.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.citymaas.portal.metrics.boundary.AuditTimings;
import org.citymaas.security.audit.boundary.AuditCheckpoints;
import org.citymaas.security.audit.boundary.AuditEvidence;
import org.citymaas.security.audit.boundary.AuditLog;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.Verification;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.identity.entity.CallerKind;
import org.citymaas.tenant.departments.entity.TenantId;

/**
 * The portal's audit log, checkpoints and verifier (security's boundaries, set up on the container
 * data source by {@code configuration.AuditSetup}); each event is also one line of the server log
 * (its structure only: events hold no request text).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final Pattern STRUCTURE = Pattern.compile("[\\x20-\\x7e]*");
    private static final Pattern RESOURCE_SEGMENT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    AuditLog log;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditEvidence evidence;

    @Inject
    AuditTimings timings;

    /** Records an event on its own (joining the JTA transaction when one is open). */
    public void record(AuditEvent event) {
        requireStructure(event);
        long started = System.nanoTime();
        log.record(event);
        timings.appended(System.nanoTime() - started);
        logLine(event);
    }

    /**
     * Appends an event as the last step of the current transaction, which commits or rolls it back
     * with everything else the transaction wrote.
     */
    public void append(AuditEvent event) {
        requireStructure(event);
        long started = System.nanoTime();
        log.append(event);
        timings.appended(System.nanoTime() - started);
        logLine(event);
    }

    /**
     * Appends events, in order and with no other event between them, as the last step of the current
     * transaction (one lock of the chain for all of them), like {@link #append}.
     */
    public void appendAll(List<AuditEvent> events) {
        events.forEach(AuditTrail::requireStructure);
        long started = System.nanoTime();
        log.appendAll(events);
        timings.appended(System.nanoTime() - started);
        events.forEach(AuditTrail::logLine);
    }

    /**
     * Appends a batch chunk's events like {@link #appendAll}; the server log gets one line for the chunk
     * instead of one per event (the audit log keeps every event): the outcomes counted, the actor, the
     * department, the resource and the first and last request id.
     */
    public void appendChunk(List<AuditEvent> events) {
        events.forEach(AuditTrail::requireStructure);
        long started = System.nanoTime();
        log.appendAll(events);
        timings.appended(System.nanoTime() - started);
        if (!events.isEmpty()) {
            chunkLine(events);
        }
    }

    /**
     * A request path as an audit resource: segments that are names (letters, digits, {@code . _ : -},
     * at most 100) are kept, any other segment becomes {@code *}. A path is typed by the caller: it may
     * hold a person's name or a control character, and the audit log keeps what it gets forever.
     */
    public static String resourcePath(String path) {
        if (path == null) {
            return null;
        }
        var segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty() && !RESOURCE_SEGMENT.matcher(segments[i]).matches()) {
                segments[i] = "*";
            }
        }
        var kept = String.join("/", segments);
        return kept.length() > 500 ? kept.substring(0, 500) + "..." : kept;
    }

    /**
     * The portal's events hold structure, never text a person typed: the summary and the resource are
     * printable ASCII (names of models and fields, numbers, PII type names), so that no Chinese name,
     * address or complaint can enter the chain, whatever a recognizer misses. A violation is the
     * portal's bug and fails the request rather than write the text forever.
     */
    static void requireStructure(AuditEvent event) {
        for (var field : new String[] {event.summary(), event.resource()}) {
            if (field != null && !STRUCTURE.matcher(field).matches()) {
                throw new IllegalStateException(
                        "an audit event's summary and resource hold structure only (printable ASCII); " + event.action()
                                + " would have written other text");
            }
        }
    }

    /** The server log's line for an event: the same structure the audit log keeps, never more. */
    private static void logLine(AuditEvent e) {
        LOG.info(() -> "audit " + e.action() + " " + e.outcome() + " " + e.httpStatus() + " actor=" + e.actor()
                + " tenant=" + e.tenant() + " resource=" + e.resource() + " request=" + e.requestId()
                + (e.summary() == null ? "" : " summary=" + e.summary()));
    }

    private static void chunkLine(List<AuditEvent> events) {
        LOG.info(() -> {
            var outcomes = new TreeMap<String, Integer>();
            events.forEach(e -> outcomes.merge(e.action() + " " + e.outcome() + " " + e.httpStatus(), 1, Integer::sum));
            var first = events.get(0);
            var last = events.get(events.size() - 1);
            return "audit chunk of " + events.size() + " events: "
                    + outcomes.entrySet().stream()
                            .map(o -> o.getKey() + " x" + o.getValue())
                            .collect(Collectors.joining(", "))
                    + " actor=" + first.actor() + " tenant=" + first.tenant() + " resource=" + first.resource()
                    + " requests=" + first.requestId() + ".." + last.requestId();
        });
    }

    /** The actor's newest events of the action in the department, newest first, at most {@code limit}. */
    public List<ChainedEvent> eventsOf(String actor, ActorType actorType, TenantId tenant, String action, int limit) {
        return log.eventsOf(actor, actorType, tenant, action, limit);
    }

    /** Where each of the department's request ids first had the action end with the outcome (its seq). */
    public Map<String, Long> firstOutcomes(
            TenantId tenant, String action, String outcome, Collection<String> requestIds) {
        return log.firstOutcomes(tenant, action, outcome, requestIds);
    }

    public AuditCheckpoints checkpoints() {
        return checkpoints;
    }

    public Verification verify(long fromSeq, long toSeq) {
        return evidence.verify(fromSeq, toSeq);
    }

    /** An event started with the caller as actor (and its department). */
    public static AuditEvent.Builder by(Caller caller) {
        return AuditEvent.builder()
                .actor(caller.name(), caller.kind() == CallerKind.SERVICE ? ActorType.SERVICE : ActorType.USER)
                .tenant(caller.tenant());
    }

    /** An event of a caller nobody could identify. */
    public static AuditEvent.Builder anonymous() {
        return AuditEvent.builder().actor("anonymous", ActorType.ANONYMOUS);
    }
}
