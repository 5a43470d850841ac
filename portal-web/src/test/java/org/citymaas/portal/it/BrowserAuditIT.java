package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor's pages in the browser: the auditor filters one department's refused requests, opens
 * one, verifies its range (intact), downloads the range's evidence bundle through the page, and the
 * verifier jar in a separate JVM says it is intact; after a test-only tampering (a superuser UPDATE)
 * the page's range check names the break and where; after the newest events are deleted together with
 * their checkpoint rows, the page's check catches it against the checkpoint published outside the
 * database. Every read from the pages is in the audit log; other roles get 403 on every audit page.
 */
class BrowserAuditIT extends BrowserTest {

    private static final List<String> PAGES = List.of(
            "portal/audit/search.xhtml",
            "portal/audit/event.xhtml?seq=1",
            "portal/audit/verify.xhtml",
            "portal/audit/checkpoints.xhtml");

    @TempDir
    Path work;

    private String api(String path) {
        return portal.toString().replaceAll("/$", "") + "/api/" + path;
    }

    private static long reads(String action) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = ?", action);
    }

    @Test
    void anAuditorFindsARefusalVerifiesItsRangeAndSeesTamperingAndTruncation() throws Exception {
        var service = DemoTokens.serviceToken("transport");
        var older = "browser-audit-" + UUID.randomUUID();
        var newer = "browser-audit-" + UUID.randomUUID();
        for (var id : List.of(older, newer)) {
            var refused = Http.post(
                    api("v2/models/health-risk/infer"),
                    service,
                    TrafficRequests.body(1, 8),
                    Map.of("X-Request-Id", id));
            assertThat(refused.status())
                    .as("transport has no subscription to health-risk")
                    .isEqualTo(404);
        }

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("auditor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-audit-search")));
        browser.findElement(By.id("nav-audit-search")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-filter")));

        // the department's refused requests, newest first
        var searches = reads("audit.search");
        new Select(browser.findElement(By.id("filter-department"))).selectByValue("transport");
        browser.findElement(By.id("filter-action")).sendKeys("inference.request");
        browser.findElement(By.id("filter-outcome")).sendKeys("DENIED");
        session.clickToNewPage(browser.findElement(By.id("filter-search")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-results")));
        var rows = browser.findElements(By.cssSelector("tr.audit-row"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.subList(0, 2))
                .extracting(r -> r.getAttribute("data-request-id"))
                .as("newest first")
                .containsExactly(newer, older);
        for (var row : rows) {
            assertThat(row.getText())
                    .contains("transport")
                    .contains("DENIED 404")
                    .contains("inference.request");
        }
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("audit-results")));
        Browser.screenshot(browser, "audit-1-search-refusals");
        assertThat(reads("audit.search"))
                .as("the page's search is on the record")
                .isEqualTo(searches + 1);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE actor = 'auditor' AND action = 'audit.search'"
                                + " AND resource = 'v1/audit/events' ORDER BY seq DESC LIMIT 1"))
                .contains("department=[transport]")
                .contains("outcome=[DENIED]");

        anExportOfThePageIsExactlyItsFilters(newer);
        savedSearchRunsAndIsDeleted(newer);
        keysetPagesNeverRepeat();

        // the event, its place in the chain and the checkpoint that covers it
        browser.get(session.page(
                "portal/audit/search.xhtml?department=transport&action=inference.request&outcome=DENIED&run=1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-results")));
        var events = reads("audit.event");
        browser.findElement(By.cssSelector("tr.audit-row[data-request-id='" + newer + "'] a.audit-open"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("event-hash")));
        assertThat(browser.findElement(By.id("event-request-id")).getText()).isEqualTo(newer);
        assertThat(browser.findElement(By.id("event-outcome")).getText()).isEqualTo("DENIED 404");
        assertThat(browser.findElement(By.id("event-hash")).getText()).matches("[0-9a-f]{64}");
        assertThat(browser.findElement(By.id("event-prev-hash")).getText()).matches("[0-9a-f]{64}");
        long seq = Long.parseLong(browser.findElement(By.id("event-seq")).getText());
        assertThat(browser.findElement(By.id("event-prev-hash")).getText())
                .isEqualTo(TestDatabase.first("SELECT hash FROM audit_event WHERE seq = ?", seq - 1));
        assertThat(browser.findElements(By.id("event-not-covered")).size()
                        + browser.findElements(By.id("checkpoint-key-id")).size())
                .as("covered by a checkpoint, or said not to be")
                .isEqualTo(1);
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("event-hash")));
        Browser.screenshot(browser, "audit-2-event");
        assertThat(reads("audit.event")).isEqualTo(events + 1);

        // verify this range: intact
        browser.findElement(By.id("event-verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-form")));
        assertThat(browser.findElement(By.id("verify-from")).getAttribute("value"))
                .isEqualTo(String.valueOf(seq));
        long to = Long.parseLong(browser.findElement(By.id("verify-to")).getAttribute("value"));
        var verifications = reads("audit.verify");
        assertThat(verify(seq, to)).isEqualTo("OK");
        Browser.screenshot(browser, "audit-3-verify-intact");
        assertThat(reads("audit.verify")).isEqualTo(verifications + 1);

        // the range's evidence bundle, through the page, checked by the verifier jar in its own JVM
        var bundles = reads("audit.bundle");
        var bundle = work.resolve("bundle.zip");
        Files.write(bundle, download(browser.findElement(By.id("verify-bundle")).getAttribute("href")));
        assertThat(reads("audit.bundle")).isEqualTo(bundles + 1);
        assertThat(TestDatabase.first(
                        "SELECT summary FROM audit_event WHERE actor = 'auditor' AND action = 'audit.bundle'"
                                + " ORDER BY seq DESC LIMIT 1"))
                .isEqualTo("seq " + seq + ".." + to);
        var keys = work.resolve("keys.pem");
        Files.writeString(keys, keyHistoryFromThePage());
        var offline = verifierJar("--trusted-key", keys.toString(), bundle.toString());
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).contains("OK");

        // a superuser edits one event: the page's range check names the break and where
        TestDatabase.asInsider(
                c -> c.createStatement().executeUpdate("UPDATE audit_event SET outcome = 'OK' WHERE seq = " + seq));
        try {
            openVerify(seq, to);
            assertThat(verify(seq, to)).isEqualTo("BROKEN");
            assertThat(browser.findElement(By.id("verify-break-kind")).getText())
                    .isEqualTo("FIELD_EDITED");
            assertThat(browser.findElement(By.id("verify-break-seq")).getText()).isEqualTo(String.valueOf(seq));
            Browser.screenshot(browser, "audit-4-verify-field-edited");
        } finally {
            TestDatabase.asInsider(c ->
                    c.createStatement().executeUpdate("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = " + seq));
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.verify'"
                                + " AND summary = ?",
                        "seq " + seq + ".." + to + ": BROKEN FIELD_EDITED at seq " + seq))
                .as("the check that found the break is on the record")
                .isEqualTo(1);
        assertThat(verify(seq, to)).as("intact again once restored").isEqualTo("OK");

        theNewestEventsDeletedAreCaughtAgainstThePublishedCheckpoint();
    }

    /** Deletes the newest events and their checkpoint rows, checks the page catches it, and puts them back. */
    private void theNewestEventsDeletedAreCaughtAgainstThePublishedCheckpoint() throws IOException {
        var signed = Http.post(api("v1/audit/checkpoints"), DemoTokens.userToken("auditor"), "");
        assertThat(signed.status()).as(signed.body()).isIn(200, 204);
        long head = TestDatabase.count("SELECT max(seq) FROM audit_checkpoint");
        long cut = head - 10;
        var published = TestStack.start().publishedCheckpoints();
        Set<Path> publishedBefore;
        try (var files = Files.list(published)) {
            publishedBefore = files.collect(Collectors.toSet());
        }
        TestDatabase.asInsider(c -> {
            var s = c.createStatement();
            s.execute("CREATE TABLE browser_audit_cut_events AS SELECT * FROM audit_event WHERE seq > " + cut);
            s.execute(
                    "CREATE TABLE browser_audit_cut_checkpoints AS SELECT * FROM audit_checkpoint WHERE seq > " + cut);
            s.execute("DELETE FROM audit_event WHERE seq > " + cut);
            s.execute("DELETE FROM audit_checkpoint WHERE seq > " + cut);
        });
        try {
            openVerify(cut - 10, head);
            assertThat(verify(cut - 10, head)).isEqualTo("BROKEN");
            assertThat(browser.findElement(By.id("verify-break-kind")).getText())
                    .isEqualTo("TRUNCATED");
            assertThat(Long.parseLong(
                            browser.findElement(By.id("verify-break-seq")).getText()))
                    .isBetween(cut + 1, head);
            assertThat(browser.findElement(By.id("verify-reason")).getText())
                    .contains("published")
                    .contains("seq " + head);
            Browser.screenshot(browser, "audit-5-verify-truncated");
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_event WHERE actor = 'auditor' AND action = 'audit.verify'"
                                    + " AND summary LIKE '% TRUNCATED at seq %'"))
                    .as("the check that found the cut is on the record")
                    .isEqualTo(1);
        } finally {
            // put the cut events back where they were; what was appended to the cut chain meanwhile (this
            // check's own record) and published from it goes, as it never belonged to the real chain
            TestDatabase.asInsider(c -> {
                var s = c.createStatement();
                s.execute("DELETE FROM audit_event WHERE seq > " + cut);
                s.execute("DELETE FROM audit_checkpoint WHERE seq > " + cut);
                s.execute("INSERT INTO audit_event SELECT * FROM browser_audit_cut_events");
                s.execute("INSERT INTO audit_checkpoint SELECT * FROM browser_audit_cut_checkpoints");
                s.execute("DROP TABLE browser_audit_cut_events, browser_audit_cut_checkpoints");
            });
            try (var files = Files.list(published)) {
                for (var file : files.filter(f -> !publishedBefore.contains(f)).toList()) {
                    Files.delete(file);
                }
            }
        }
        openVerify(cut - 10, head);
        assertThat(verify(cut - 10, head)).as("intact again once restored").isEqualTo("OK");
        var whole = Http.get(api("v1/audit/verify"), DemoTokens.userToken("auditor"));
        assertThat(whole.json().get("status").asText()).as(whole.body()).isEqualTo("OK");
    }

    private void savedSearchRunsAndIsDeleted(String newest) {
        var name = "交通部门拒绝 " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("saved:name")).sendKeys(name);
        session.clickToNewPage(browser.findElement(By.id("saved:save")));
        By row = By.cssSelector("tr.saved-row[data-name='" + name + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_saved_search WHERE auditor = 'auditor' AND name = ?"
                                + " AND filters = 'department=transport&action=inference.request&outcome=DENIED'",
                        name))
                .isEqualTo(1);
        Browser.screenshot(browser, "audit-1b-saved-search");
        var searches = reads("audit.search");
        session.clickToNewPage(browser.findElement(row).findElement(By.cssSelector("a.saved-run")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-results")));
        assertThat(browser.findElements(By.cssSelector("tr.audit-row")).get(0).getAttribute("data-request-id"))
                .isEqualTo(newest);
        assertThat(reads("audit.search"))
                .as("running a saved search is a search")
                .isEqualTo(searches + 1);

        session.clickToNewPage(browser.findElement(row).findElement(By.cssSelector("input.saved-delete")));
        assertThat(browser.findElements(row)).as("gone from the page").isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_saved_search WHERE name = ?", name))
                .isZero();
    }

    /** Pages of a search with no filter: the next page holds only older events, none seen before. */
    private void keysetPagesNeverRepeat() {
        browser.get(session.page("portal/audit/search.xhtml?run=1"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-results")));
        var firstPage = seqs(browser.findElements(By.cssSelector("tr.audit-row")));
        assertThat(firstPage).hasSize(25).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        session.clickToNewPage(browser.findElement(By.id("audit-next")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-results")));
        var secondPage = seqs(browser.findElements(By.cssSelector("tr.audit-row")));
        assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
        assertThat(secondPage).allSatisfy(seq -> assertThat(seq).isLessThan(firstPage.get(firstPage.size() - 1)));
        Browser.screenshot(browser, "audit-1c-next-page");
    }

    private void anExportOfThePageIsExactlyItsFilters(String newest) throws IOException {
        var exports = reads("audit.export");
        var files =
                unzip(download(browser.findElement(By.id("audit-export-csv")).getAttribute("href")));
        assertThat(files).containsKeys("audit-events.csv", "manifest.json");
        var csv = new String(files.get("audit-events.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(newest);
        assertThat(csv.lines().skip(1))
                .allSatisfy(line -> assertThat(line).contains("transport").contains("DENIED"));
        assertThat(reads("audit.export")).isEqualTo(exports + 1);
    }

    private static List<Long> seqs(List<WebElement> rows) {
        return rows.stream()
                .map(r -> Long.parseLong(r.getAttribute("data-seq")))
                .toList();
    }

    /** The verify page's verdict (OK or BROKEN) of the range, checked through its form. */
    private String verify(long from, long to) {
        openVerify(from, to);
        session.clickToNewPage(browser.findElement(By.id("verify-run")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-result")));
        return browser.findElement(By.id("verify-result")).getAttribute("data-status");
    }

    private void openVerify(long from, long to) {
        browser.get(session.page("portal/audit/verify.xhtml?from=" + from + "&to=" + to));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-form")));
    }

    /** Every public key on the checkpoints page, as the verifier's trusted keys; reading it is recorded. */
    private String keyHistoryFromThePage() {
        var reads = reads("audit.checkpoints");
        browser.findElement(By.id("nav-audit-checkpoints")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("keys")));
        var checkpoints = browser.findElements(By.cssSelector("tr.checkpoint-row"));
        assertThat(checkpoints).isNotEmpty();
        assertThat(checkpoints
                        .get(0)
                        .findElement(By.cssSelector(".checkpoint-key-id"))
                        .getText())
                .matches("[0-9a-f]{64}");
        assertThat(checkpoints
                        .get(0)
                        .findElement(By.cssSelector(".checkpoint-signature"))
                        .getText())
                .isNotBlank();
        Browser.screenshot(browser, "audit-6-checkpoints");
        assertThat(reads("audit.checkpoints")).isEqualTo(reads + 1);
        return browser.findElements(By.cssSelector("tr.key-row pre")).stream()
                .map(WebElement::getText)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void otherRolesSeeNoAuditPageAndGet403() {
        for (var user : List.of("transport-staff", "transport-admin", "platform-admin")) {
            browser.get(session.page("portal/home.xhtml"));
            session.signInAtKeycloak(user);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
            assertThat(browser.findElements(By.id("nav-audit-search"))).as(user).isEmpty();
            var cookies = Map.of("Cookie", session.cookieHeader());
            for (var page : PAGES) {
                var answer = Http.getWith(session.page(page), cookies);
                assertThat(answer.status()).as(user + " " + page).isEqualTo(403);
                assertThat(answer.body()).as("the portal's own page").contains("id=\"topbar\"");
            }
            for (var download : List.of(
                    "portal/audit/verify.xhtml?from=1&to=2&download=bundle",
                    "portal/audit/checkpoints.xhtml?download=compliance-pack")) {
                assertThat(Http.getWith(session.page(download), cookies).status())
                        .as(user + " " + download)
                        .isEqualTo(403);
            }
            session.signOut();
        }
    }

    private byte[] download(String href) throws IOException {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(href))
                                    .header("Cookie", session.cookieHeader())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(href).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exitCode, String output) {}

    /** The offline verifier jar security builds, run in a JVM of its own. */
    private static Run verifierJar(String... args) throws IOException, InterruptedException {
        var jar = Path.of("..", "security", "target", "citymaas-audit-verifier.jar")
                .toAbsolutePath();
        assertThat(jar)
                .as("the verifier jar security's package phase builds (run with -am)")
                .exists();
        var java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new java.util.LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
