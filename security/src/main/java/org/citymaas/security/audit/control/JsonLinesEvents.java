package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import org.citymaas.security.audit.entity.ChainedEvent;

/**
 * An export as JSON Lines: one event a line, every stored field as in an evidence bundle ({@link
 * EventJson}), each line ended by a line feed, UTF-8. Each line holds what its hash was computed
 * from, so the offline verifier recomputes it.
 */
public final class JsonLinesEvents implements ExportWriter {

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DigestOutputStream digested;
    private final JsonGenerator json;

    JsonLinesEvents(OutputStream out) throws IOException {
        this.digested = ExportWriter.digesting(out);
        this.json = FACTORY.createGenerator(digested);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(ChainedEvent event) throws IOException {
        EventJson.write(json, event);
        json.writeRaw('\n');
    }

    @Override
    public String finish() throws IOException {
        json.close();
        digested.flush();
        return ExportWriter.hex(digested);
    }
}
