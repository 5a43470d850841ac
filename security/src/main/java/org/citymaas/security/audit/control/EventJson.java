package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import org.citymaas.security.audit.entity.ActorType;
import org.citymaas.security.audit.entity.AuditEvent;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.MalformedEventException;

/**
 * One chained event as a JSON object, the form of an evidence bundle's {@code events.jsonl} and of a
 * JSON Lines export: every stored field, instants in the canonical text form, so that the event's hash
 * can be recomputed from the object alone.
 */
public final class EventJson {

    private EventJson() {}

    /** Writes the event as one JSON object (no line end). */
    public static void write(JsonGenerator json, ChainedEvent chained) throws IOException {
        var e = chained.event();
        json.writeStartObject();
        json.writeNumberField("seq", chained.seq());
        json.writeStringField("occurredAt", CanonicalForm.instant(e.occurredAt()));
        json.writeStringField("actor", e.actor());
        json.writeStringField("actorType", e.actorType().code());
        json.writeStringField("tenant", CanonicalForm.tenant(e.tenant()));
        json.writeStringField("action", e.action());
        json.writeStringField("resource", e.resource());
        json.writeStringField("outcome", e.outcome());
        json.writeFieldName("httpStatus");
        if (e.httpStatus() == null) {
            json.writeNull();
        } else {
            json.writeNumber(e.httpStatus());
        }
        json.writeStringField("clientAddress", e.clientAddress());
        json.writeStringField("requestId", e.requestId());
        json.writeStringField("requestDigest", e.requestDigest());
        json.writeStringField("responseDigest", e.responseDigest());
        json.writeStringField("summary", e.summary());
        json.writeStringField("prevHash", chained.prevHash());
        json.writeStringField("hash", chained.hash());
        json.writeEndObject();
    }

    /**
     * Reads the event object whose START_OBJECT the parser has just read; every field is read by name, unknown
     * fields are ignored.
     *
     * @throws MalformedEventException a field is missing or not what an event holds
     */
    public static ChainedEvent read(JsonParser json) throws IOException {
        var fields = new HashMap<String, String>();
        long seq = -1;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            var name = json.currentName();
            var token = json.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (name.equals("seq")) {
                seq = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : -1;
            } else if (token != JsonToken.VALUE_NULL) {
                fields.put(name, json.getText());
            }
        }
        try {
            var event = new AuditEvent(
                    CanonicalForm.parseInstant(fields.get("occurredAt")),
                    fields.get("actor"),
                    ActorType.ofCode(fields.get("actorType")),
                    CanonicalForm.parseTenant(fields.get("tenant")),
                    fields.get("action"),
                    fields.get("resource"),
                    fields.get("outcome"),
                    fields.get("httpStatus") == null ? null : Integer.valueOf(fields.get("httpStatus")),
                    fields.get("clientAddress"),
                    fields.get("requestId"),
                    fields.get("requestDigest"),
                    fields.get("responseDigest"),
                    fields.get("summary"));
            return new ChainedEvent(seq, event, fields.get("prevHash"), fields.get("hash"));
        } catch (RuntimeException e) {
            throw new MalformedEventException(seq, String.valueOf(e.getMessage()), e);
        }
    }
}
