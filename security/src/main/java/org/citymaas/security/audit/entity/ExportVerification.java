package org.citymaas.security.audit.entity;

import java.util.List;

/**
 * The verdict on an export and its manifest: OK, or every problem found (the manifest's signature, the
 * file's digest and row count, and the first event that is out of place, does not hash, or does not
 * match the filters).
 *
 * @param rows the events (CSV: data rows) the file holds
 */
public record ExportVerification(ExportManifest manifest, long rows, List<String> problems) {

    public ExportVerification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        if (!ok()) {
            return "BROKEN: " + String.join("; ", problems);
        }
        var range = manifest.firstSeq() == null ? "" : " (seq " + manifest.firstSeq() + ".." + manifest.lastSeq() + ")";
        return "OK: " + manifest.format().code() + " export of " + rows + " events" + range + " matching its filters,"
                + " SHA-256 as signed in the manifest by key " + manifest.keyId() + "; chain head at export: seq "
                + manifest.headSeq();
    }
}
