package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.citymaas.billing.budgets.entity.BudgetAlertKind;
import org.citymaas.billing.statements.entity.StatementStatus;
import org.junit.jupiter.api.Test;

/** Every text of the billing pages is in both languages. */
class BillingPageMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9._-]+)'\\]");
    private static final Path WEBAPP = Path.of("src/main/webapp");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = BillingPageMessagesTest.class.getResourceAsStream("/org/citymaas/portal/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("Messages_en.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("Messages.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheBillingPagesNameIsInBothLanguages() throws IOException {
        var keys = new TreeSet<String>();
        for (var page : new String[] {
            "portal/billing.xhtml",
            "portal/admin/billing.xhtml",
            "portal/admin/prices.xhtml",
            "portal/usage.xhtml",
            "WEB-INF/templates/layout.xhtml"
        }) {
            var matcher = LITERAL_KEY.matcher(Files.readString(WEBAPP.resolve(page)));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        var javaKey = Pattern.compile("\"((?:billing|prices|adminBilling)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        for (var bean : new String[] {
            "BillingPage",
            "StatementActions",
            "AdminBillingPage",
            "BillingAccountsPage",
            "PricesPage",
            "PriceCardForm",
            "PriceRateForm",
            "Refusal"
        }) {
            var matcher = javaKey.matcher(
                    Files.readString(Path.of("src/main/java/org/citymaas/portal/ui/" + bean + ".java")));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        for (var kind : BudgetAlertKind.values()) {
            keys.add("banner." + kind.name());
            keys.add("billing.alert." + kind.name());
        }
        for (var status : StatementStatus.values()) {
            keys.add("billing.status." + status.name());
        }
        keys.add("billing.status.NONE");
        for (var unit : PriceCardForm.UNITS) {
            keys.add("billing.unit." + unit);
        }
        assertThat(keys).hasSizeGreaterThan(100);
        assertThat(bundle("Messages.properties").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("Messages_en.properties").stringPropertyNames()).containsAll(keys);
    }
}
