package org.citymaas.security.audit.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.citymaas.security.audit.entity.ChainedEvent;
import org.citymaas.security.audit.entity.ExportFormat;
import org.citymaas.security.audit.entity.ExportManifest;
import org.citymaas.security.audit.entity.ExportVerification;
import org.citymaas.security.audit.entity.MalformedEventException;

/**
 * Checks an export against its manifest with nothing but the trusted keys: the manifest's signature
 * (by the trusted key its key id names), the SHA-256 and the row count of the file, and each event in
 * turn: in ascending chain order within the manifest's first and last seq, matching the manifest's
 * filters, no later than the chain head it names, and (JSON Lines) hashing to its own hash and linking
 * to the event before it where that one is in the export too. Reads the file once, as a stream.
 */
public final class ExportCheck {

    private static final JsonFactory JSON = new JsonFactory();

    private final ExportManifest manifest;
    private final List<String> problems = new ArrayList<>();
    private String firstEventProblem;
    private long rows;
    private ChainedEvent previous;
    private long previousSeq;

    private ExportCheck(ExportManifest manifest) {
        this.manifest = manifest;
    }

    /** Checks the file's bytes ({@code data}, read to its end) against the manifest. */
    public static ExportVerification verify(ExportManifest manifest, InputStream data, KeyRing trustedKeys)
            throws IOException {
        var check = new ExportCheck(manifest);
        check.signature(trustedKeys);
        var digested = new DigestInputStream(data, sha256());
        var text = new BufferedReader(new InputStreamReader(digested, StandardCharsets.UTF_8), 1 << 16);
        if (manifest.format() == ExportFormat.JSONL) {
            check.jsonLines(text);
        } else {
            check.csv(text);
        }
        digested.transferTo(OutputStream.nullOutputStream());
        return check.result(HexFormat.of().formatHex(digested.getMessageDigest().digest()));
    }

    private void signature(KeyRing trustedKeys) {
        var key = trustedKeys.find(manifest.keyId());
        if (key.isEmpty()) {
            problems.add("the manifest is signed by key " + manifest.keyId() + ", not a trusted key "
                    + trustedKeys.keyIds());
        } else if (!SigningKey.verify(key.get(), CanonicalForm.exportManifest(manifest), manifest.signature())) {
            problems.add("the manifest's signature does not verify with the trusted key " + manifest.keyId()
                    + ": the manifest was altered or forged");
        }
    }

    private void jsonLines(BufferedReader text) throws IOException {
        String line;
        while ((line = text.readLine()) != null) {
            rows++;
            if (firstEventProblem != null) {
                continue;
            }
            ChainedEvent event;
            try (var json = JSON.createParser(line)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    eventProblem("line " + rows + " is not a JSON object");
                    continue;
                }
                event = EventJson.read(json);
            } catch (IOException | MalformedEventException e) {
                eventProblem("line " + rows + " is not an audit event: " + e.getMessage());
                continue;
            }
            if (!CanonicalForm.hash(event.seq(), event.event(), event.prevHash())
                    .equals(event.hash())) {
                eventProblem("line " + rows + " (seq " + event.seq() + "): the event does not match its hash,"
                        + " it was edited");
                continue;
            }
            if (previous != null
                    && event.seq() == previous.seq() + 1
                    && !event.prevHash().equals(previous.hash())) {
                eventProblem("line " + rows + " (seq " + event.seq() + ") does not link to the event before it");
                continue;
            }
            position(event.seq());
            var mismatch = ExportFilter.mismatch(manifest.filters(), event.event());
            if (mismatch != null) {
                eventProblem("line " + rows + " (seq " + event.seq() + ") does not match the filters: " + mismatch);
            }
            previous = event;
        }
    }

    private void csv(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
        var records = new CsvRecords(text);
        var header = records.next();
        if (!ExportFormat.CSV_HEADER.equals(header)) {
            eventProblem("the first row is not the header " + String.join(",", ExportFormat.CSV_HEADER));
        }
        List<String> row;
        while ((row = records.next()) != null) {
            rows++;
            if (firstEventProblem != null) {
                continue;
            }
            if (row.size() != ExportFormat.CSV_HEADER.size()) {
                eventProblem("row " + rows + " has " + row.size() + " cells, not " + ExportFormat.CSV_HEADER.size());
                continue;
            }
            try {
                position(Long.parseLong(row.get(0)));
            } catch (NumberFormatException e) {
                eventProblem("row " + rows + ": its seq '" + row.get(0) + "' is not a number");
            }
        }
    }

    /** Checks that the event at {@code seq} comes in chain order, within the manifest's range. */
    private void position(long seq) {
        if (rows == 1 && manifest.firstSeq() != null && seq != manifest.firstSeq()) {
            eventProblem("the first event is seq " + seq + ", the manifest says " + manifest.firstSeq());
        } else if (rows > 1 && seq <= previousSeq) {
            eventProblem("event " + rows + " (seq " + seq + ") does not come after seq " + previousSeq
                    + ": the events are not in chain order");
        } else if (manifest.lastSeq() == null || seq > manifest.lastSeq()) {
            eventProblem(
                    "event " + rows + " (seq " + seq + ") is beyond the manifest's last seq " + manifest.lastSeq());
        } else if (seq > manifest.headSeq()) {
            eventProblem("event " + rows + " (seq " + seq + ") is beyond the chain head " + manifest.headSeq());
        }
        previousSeq = seq;
    }

    private void eventProblem(String problem) {
        if (firstEventProblem == null) {
            firstEventProblem = problem;
        }
    }

    private ExportVerification result(String sha256) {
        if (!sha256.equals(manifest.sha256())) {
            problems.add("the file's SHA-256 is " + sha256 + ", the manifest's " + manifest.sha256()
                    + ": the file was changed");
        }
        if (rows != manifest.rowCount()) {
            problems.add("the file holds " + rows + " events, the manifest " + manifest.rowCount()
                    + ": events were removed or added");
        } else if (firstEventProblem == null && rows > 0 && previousSeq != manifest.lastSeq()) {
            problems.add("the last event is seq " + previousSeq + ", the manifest says " + manifest.lastSeq());
        }
        if (firstEventProblem != null) {
            problems.add(firstEventProblem);
        }
        return new ExportVerification(manifest, rows, problems);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
