package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.citymaas.portal.devstack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The platform admins' model versions page with four eyes: platform-admin uploads air-quality-forecast version 2
 * (its version 1 SavedModel under a new card, whose fairness table is within the tolerance and shown) with the
 * held-out file the trainer's writer makes (group columns included, so the platform recomputes the metrics and the
 * fairness table, which the approval requires) and may not approve it; platform-admin-2 approves it. Afterwards the model's lifecycle is put back as shipped. (Until the
 * fairness rule this was health-risk, whose shipped card is outside its fairness tolerance: its approval is now
 * refused, as {@code FairPublishingIT} shows for the API.)
 */
class BrowserModelVersionsIT extends BrowserTest {

    private static final String MODEL = "air-quality-forecast";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void putTheShippedLifecycleBack() throws Exception {
        if (apiBase == null) {
            return;
        }
        TestDatabase.execute("DELETE FROM model_default WHERE model = ?", MODEL);
        TestDatabase.execute("DELETE FROM model_version WHERE model = ?", MODEL);
        var dir = TestStack.start().modelsDirectory().resolve(MODEL).resolve("2");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        // the portal reads the repository folder again (version 2 is gone from its catalog)
        var listed = Http.get(apiBase + "v1/models/" + MODEL + "/versions", DemoTokens.userToken("platform-admin"));
        assertThat(listed.json().findValuesAsText("version")).containsExactly("1");
        Thread.sleep(3_000); // citymaas.models.status-ttl
    }

    /** The portal's {@code /api/} address, for the clean-up after all tests. */
    private static String apiBase;

    private String row(String version) {
        return "//tr[.//span[@class='cm-version' and text()='" + version + "']]";
    }

    @Test
    void anUploadIsApprovedBySecondPlatformAdminNotByItsUploader() throws Exception {
        apiBase = portal.toString().replaceAll("/$", "") + "/api/";
        var files = Files.createTempDirectory("model-upload");
        var zip = files.resolve(MODEL + "-2.zip");
        Files.write(zip, savedModelZip());
        var card = files.resolve("model-card.json");
        Files.write(card, JSON.writeValueAsBytes(card2()));
        var heldOut = files.resolve(MODEL + ".heldout.csv");
        Files.write(heldOut, HeldOutCsv.of(MODEL, java.util.Set.of()));

        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.findElement(By.id("nav-models")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("versions:list")));
        new Select(browser.findElement(By.id("versions:model"))).selectByValue(MODEL);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions:current"), MODEL));

        browser.findElement(By.id("upload:savedModel")).sendKeys(zip.toString());
        browser.findElement(By.id("upload:card")).sendKeys(card.toString());
        browser.findElement(By.id("upload:heldOut")).sendKeys(heldOut.toString());
        browser.findElement(By.id("upload:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(row("2"))));
        var staged = browser.findElement(By.xpath(row("2")));
        assertThat(staged.getText()).contains("待审批").contains("platform-admin").contains("须由另一位平台管理员批准");
        assertThat(browser.findElement(By.id("upload:heldOut")).getAttribute("type"))
                .isEqualTo("file");
        assertThat(staged.findElement(By.cssSelector(".cm-metrics")).getText())
                .as("uploaded with the held-out file: the metrics recomputed")
                .startsWith("在 4422 行留出数据上测得：")
                .contains("mae_ug_m3_6h");
        assertThat(staged.findElement(By.cssSelector(".cm-fairness-source")).getText())
                .isEqualTo("已在 4422 行留出数据上重新计算公平性");
        assertThat(browser.findElement(By.xpath(row("1")))
                        .findElement(By.cssSelector(".cm-fairness-source"))
                        .getText())
                .as("the shipped version's table is the trainer's, not an uploader's claim")
                .isEqualTo("随平台发布，由训练器测得");
        assertThat(staged.findElement(By.cssSelector("a.cm-fairness-more")).getAttribute("href"))
                .as("the row links to its checks below the list")
                .endsWith("#fairness-2");
        assertThat(browser.findElement(By.cssSelector("#fairness-2 .cm-fairness-checks"))
                        .getText())
                .contains("district", "relative_mae_ratio", "1.0171", "≤ 1.25", "在容差内", "Industrial-East / Centre");
        assertThat(staged.findElements(By.cssSelector(".cm-fairness-blocked"))).isEmpty();
        Browser.screenshot(browser, "models-1-staged");
        browser.executeScript(
                "arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id("fairness-2")));
        Browser.screenshot(browser, "models-1-staged-fairness");
        staged = browser.findElement(By.xpath(row("2")));

        staged.findElement(By.cssSelector("button.cm-approve")).click();
        var refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#versions\\:messages .ui-messages-error")));
        assertThat(refusal.getText()).contains("another platform admin must approve it");
        assertThat(browser.findElement(By.xpath(row("2"))).getText()).contains("待审批");

        session.signOut();
        browser.get(session.page("portal/home.xhtml"));
        session.signInAtKeycloak("platform-admin-2");
        wait.until(ExpectedConditions.urlContains("/portal/home.xhtml"));
        browser.get(session.page("portal/admin/models.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("versions:model")));
        new Select(browser.findElement(By.id("versions:model"))).selectByValue(MODEL);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions:current"), MODEL));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(row("2"))));
        assertThat(browser.findElement(By.xpath(row("2"))).getText()).doesNotContain("须由另一位平台管理员批准");
        browser.findElement(By.xpath(row("2") + "//button[contains(@class,'cm-approve')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(row("2")), "已发布"));
        assertThat(browser.findElement(By.xpath(row("2"))).getText()).contains("platform-admin-2");
        Browser.screenshot(browser, "models-2-approved");
        assertThat(TestDatabase.first(
                        "SELECT state || ' ' || uploaded_by || ' ' || approved_by FROM model_version"
                                + " WHERE model = ? AND version = '2'",
                        MODEL))
                .isEqualTo("PUBLISHED platform-admin platform-admin-2");
    }

    private static byte[] savedModelZip() throws IOException {
        var pb = Files.readAllBytes(
                TestStack.start().modelsDirectory().resolve(MODEL + "/1/saved_model/saved_model.pb"));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("saved_model/saved_model.pb"));
            zip.write(pb);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Version 1's card as version 2, with one sample row in the middle of each input's range. */
    private static ObjectNode card2() throws IOException {
        var card = (ObjectNode) JSON.readTree(TestStack.start()
                .modelsDirectory()
                .resolve(MODEL + "/1/model-card.json")
                .toFile());
        card.put("version", "2");
        var samples = card.putArray("sample_inputs");
        for (JsonNode input : card.get("inputs")) {
            var sample = samples.addObject()
                    .put("name", input.get("name").asText())
                    .put("datatype", input.get("datatype").asText());
            int width = 1;
            for (int i = 1; i < input.get("shape").size(); i++) {
                width *= input.get("shape").get(i).asInt();
            }
            var shape = sample.putArray("shape").add(1);
            for (int i = 1; i < input.get("shape").size(); i++) {
                shape.add(input.get("shape").get(i).asInt());
            }
            double min = input.path("minimum").asDouble(0);
            double max = input.path("maximum").asDouble(min + 1);
            var data = sample.putArray("data");
            for (int i = 0; i < width; i++) {
                switch (input.get("datatype").asText()) {
                    case "INT64" -> data.add(Math.round(min));
                    case "BYTES" -> data.add("sample");
                    default -> data.add((min + max) / 2);
                }
            }
        }
        return card;
    }
}
