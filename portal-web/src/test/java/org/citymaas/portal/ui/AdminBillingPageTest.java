package org.citymaas.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminBillingPageTest {

    @Test
    void financeFilesGetStableIdsByKind() {
        assertThat(AdminBillingPage.idOf("citymaas-focus-2026-11.csv")).isEqualTo("focus-csv");
        assertThat(AdminBillingPage.idOf("citymaas-focus-2026-11.csv.sig")).isEqualTo("focus-csv-sig");
        assertThat(AdminBillingPage.idOf("citymaas-focus-2026-11.jsonl")).isEqualTo("focus-jsonl");
        assertThat(AdminBillingPage.idOf("citymaas-journal-2026-11.csv.sig")).isEqualTo("journal-csv-sig");
        assertThat(AdminBillingPage.idOf("citymaas-journal-2026-11-preview.csv"))
                .isEqualTo("journal-csv");
    }
}
