package org.citymaas.security.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.citymaas.tenant.departments.entity.TenantId;
import org.junit.jupiter.api.Test;

class AuditCursorTest {

    private final AuditQuery refusals = AuditQuery.builder()
            .departments(List.of(new TenantId("transport")))
            .outcomes(List.of("DENIED", "REJECTED"))
            .build();

    @Test
    void tokenReadsBackForTheSameFilters() {
        var token = AuditCursor.before(refusals, 123_456).token();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(AuditCursor.parse(token, refusals).beforeSeq()).isEqualTo(123_456);
        var otherPageSize = AuditQuery.builder()
                .departments(List.of(new TenantId("transport")))
                .outcomes(List.of("REJECTED", "DENIED"))
                .pageSize(7)
                .build();
        assertThat(AuditCursor.parse(token, otherPageSize).beforeSeq()).isEqualTo(123_456);
    }

    @Test
    void refusesACursorOfAnotherSearch() {
        var token = AuditCursor.before(refusals, 500).token();
        var other = AuditQuery.builder()
                .departments(List.of(new TenantId("health")))
                .outcomes(List.of("DENIED", "REJECTED"))
                .build();
        assertThatThrownBy(() -> AuditCursor.parse(token, other))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("belongs to a search with other filters");
    }

    @Test
    void refusesAnEditedPosition() {
        var bytes =
                Base64.getUrlDecoder().decode(AuditCursor.before(refusals, 500).token());
        bytes[8] ^= 0x01; // the position's lowest byte: 500 becomes 501
        var forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> AuditCursor.parse(forged, refusals))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("the cursor was altered");
    }

    @Test
    void refusesGarbledTokens() {
        var token = AuditCursor.before(refusals, 500).token();
        for (var garbled : List.of("", "not a cursor!", token.substring(1), token + "AA", "A".repeat(65), "NTAw")) {
            assertThatThrownBy(() -> AuditCursor.parse(garbled, refusals))
                    .as(garbled)
                    .isInstanceOf(InvalidCursorException.class)
                    .hasMessageStartingWith("the cursor");
        }
        assertThatThrownBy(() -> AuditCursor.parse(null, refusals)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorPointsAtPositionTwoOrLater() {
        assertThatThrownBy(() -> AuditCursor.before(refusals, 1)).isInstanceOf(InvalidCursorException.class);
        assertThat(AuditCursor.before(refusals, 2).beforeSeq()).isEqualTo(2);
    }
}
