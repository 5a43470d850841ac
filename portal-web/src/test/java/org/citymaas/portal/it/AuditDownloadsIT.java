package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.citymaas.security.audit.verifier.VerifyEvidence;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auditors take away exactly what they searched: an export of the filtered events with its signed
 * manifest and an evidence bundle of a range, both checked by the offline verifier against the key
 * history the API publishes; every download is on the record before it starts, other roles get 403.
 */
@ExtendWith(ArquillianExtension.class)
class AuditDownloadsIT {

    @ArquillianResource
    URL portal;

    @TempDir
    Path work;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    @Test
    void anExportHoldsExactlyTheSearchsEventsAndTheVerifierAcceptsIt() throws Exception {
        var service = DemoTokens.serviceToken("transport");
        var requestId = "export-" + UUID.randomUUID();
        assertThat(Http.post(
                                api("v2/models/traffic-flow-forecast/infer"),
                                service,
                                TrafficRequests.body(1, 8),
                                Map.of("X-Request-Id", requestId))
                        .status())
                .isEqualTo(200);
        var auditor = DemoTokens.userToken("auditor");
        var exportsBefore = TestDatabase.count(
                "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.export'");

        var zip = Http.bytes(
                api("v1/audit/exports?format=jsonl&department=transport&action=inference.request&requestId="
                        + requestId),
                auditor);
        var files = unzip(zip);
        assertThat(files).containsKeys("audit-events.jsonl", "manifest.json");
        var events = new String(files.get("audit-events.jsonl"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).contains(requestId).contains("\"inference.request\"");
        var manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertThat(manifest.get("rowCount").asLong()).isEqualTo(1);
        assertThat(manifest.get("filters").toString()).contains(requestId);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.export'"))
                .as("the export is on the record")
                .isEqualTo(exportsBefore + 1);

        var keys = work.resolve("keys.pem");
        Files.writeString(
                keys,
                Http.get(api("v1/audit/keys"), auditor, "application/x-pem-file")
                        .body());
        var archive = work.resolve("export.zip");
        Files.write(archive, zip);
        assertThat(verify("--trusted-key", keys.toString(), archive.toString())).startsWith("0:");

        var csv = unzip(
                Http.bytes(api("v1/audit/exports?format=csv&action=inference.request&department=transport"), auditor));
        assertThat(new String(csv.get("audit-events.csv"), StandardCharsets.UTF_8))
                .contains("seq,occurred_at")
                .contains(requestId);

        var tampered = zip.clone();
        tampered[tampered.length / 3] ^= 1;
        Files.write(archive, tampered);
        assertThat(verify("--trusted-key", keys.toString(), archive.toString())).doesNotStartWith("0:");
    }

    @Test
    void aRangesBundleVerifiesOfflineAndIsOnTheRecord() throws Exception {
        var auditor = DemoTokens.userToken("auditor");
        var zip = Http.bytes(api("v1/audit/bundles?from=1&to=40"), auditor);
        var bundle = work.resolve("bundle.zip");
        Files.write(bundle, zip);
        var keys = work.resolve("keys.pem");
        Files.writeString(
                keys,
                Http.get(api("v1/audit/keys"), auditor, "application/x-pem-file")
                        .body());

        assertThat(verify("--trusted-key", keys.toString(), bundle.toString())).startsWith("0:");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.bundle'"
                                + " AND summary = 'seq 1..40'"))
                .isPositive();
    }

    @Test
    void theCompliancePackVerifiesOfflineAndIsOnTheRecord() throws Exception {
        var auditor = DemoTokens.userToken("auditor");
        var zip = Http.bytes(api("v1/audit/compliance-pack"), auditor);
        var files = unzip(zip);
        assertThat(files.keySet()).anySatisfy(name -> assertThat(name).endsWith(".md"));
        assertThat(files.keySet()).anySatisfy(name -> assertThat(name).startsWith("manifest"));
        assertThat(files.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)))
                .anySatisfy(text -> assertThat(text).contains("GB/T 22239-2019").contains("安全审计"));
        var pack = work.resolve("pack.zip");
        Files.write(pack, zip);
        var keys = work.resolve("keys.pem");
        Files.writeString(
                keys,
                Http.get(api("v1/audit/keys"), auditor, "application/x-pem-file")
                        .body());

        assertThat(verify("--trusted-key", keys.toString(), pack.toString())).startsWith("0:");
        assertThat(
                        TestDatabase.count(
                                "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.compliance-pack'"))
                .isPositive();
        assertThat(Http.get(api("v1/audit/compliance-pack"), DemoTokens.userToken("platform-admin"), "*/*")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badRequestsAndOtherRolesGetNothing() {
        var auditor = DemoTokens.userToken("auditor");
        assertThat(Http.get(api("v1/audit/exports?format=xml"), auditor, "*/*").status())
                .isEqualTo(400);
        assertThat(Http.get(api("v1/audit/exports?format=csv&from=yesterday"), auditor, "*/*")
                        .status())
                .isEqualTo(400);
        assertThat(Http.get(api("v1/audit/bundles?from=5&to=2"), auditor, "*/*").status())
                .isEqualTo(400);
        assertThat(Http.get(api("v1/audit/bundles?from=1&to=999999999"), auditor, "*/*")
                        .status())
                .isEqualTo(400);
        for (var token : new String[] {
            DemoTokens.userToken("transport-staff"),
            DemoTokens.userToken("transport-admin"),
            DemoTokens.userToken("platform-admin"),
            DemoTokens.serviceToken("transport")
        }) {
            assertThat(Http.get(api("v1/audit/exports?format=csv"), token, "*/*")
                            .status())
                    .isEqualTo(403);
            assertThat(Http.get(api("v1/audit/bundles?from=1&to=2"), token, "*/*")
                            .status())
                    .isEqualTo(403);
        }
    }

    /** The offline verifier's exit code and what it printed, "0: ..." when intact. */
    private static String verify(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = VerifyEvidence.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ": " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
