package org.citymaas.portal.models.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.citymaas.portal.errors.FourEyesException;
import org.citymaas.portal.errors.ModelVersionStateException;
import org.citymaas.portal.models.entity.VersionRecord;
import org.citymaas.portal.models.entity.VersionState;
import org.junit.jupiter.api.Test;

class VersionRulesTest {

    private static final String MODEL = "traffic-flow-forecast";

    private static VersionRecord uploaded(String version, VersionState state) {
        return new VersionRecord(
                MODEL, version, state, "platform-admin", Instant.EPOCH, null, null, null, null, 10L, null);
    }

    @Test
    void aSecondAdminApprovesAStagedVersion() {
        assertThat(VersionRules.approve(
                        uploaded("2", VersionState.STAGED), "platform-admin-2", FairnessCards.TRAFFIC_2))
                .isEqualTo(VersionState.PUBLISHED);
    }

    @Test
    void theUploaderCannotApproveItsOwnVersion() {
        var e = catchThrowableOfType(
                FourEyesException.class,
                () -> VersionRules.approve(
                        uploaded("2", VersionState.STAGED), "platform-admin", FairnessCards.TRAFFIC_2));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("another platform admin must approve it");
    }

    @Test
    void onlyAStagedVersionIsApproved() {
        var e = catchThrowableOfType(
                ModelVersionStateException.class,
                () -> VersionRules.approve(
                        uploaded("2", VersionState.PUBLISHED), "platform-admin-2", FairnessCards.TRAFFIC_2));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).contains("only a staged version is approved");
    }

    @Test
    void onlyAPublishedVersionThatIsNotTheDefaultBecomesIt() {
        VersionRules.makeDefault(uploaded("2", VersionState.PUBLISHED), "1");
        assertThatThrownBy(() -> VersionRules.makeDefault(uploaded("2", VersionState.STAGED), "1"))
                .isInstanceOf(ModelVersionStateException.class)
                .hasMessageContaining("only a published version becomes the default");
        assertThatThrownBy(() -> VersionRules.makeDefault(uploaded("2", VersionState.PUBLISHED), "2"))
                .hasMessageContaining("already the default");
        assertThatThrownBy(() -> VersionRules.makeDefault(uploaded("2", VersionState.RETIRED), "1"))
                .isInstanceOf(ModelVersionStateException.class);
    }

    @Test
    void deprecateAndRetireFollowTheLifecycleAndSpareTheDefault() {
        assertThat(VersionRules.deprecate(VersionRecord.shipped(MODEL, "1"), "2"))
                .isEqualTo(VersionState.DEPRECATED);
        assertThat(VersionRules.retire(uploaded("1", VersionState.DEPRECATED), "2"))
                .isEqualTo(VersionState.RETIRED);
        assertThat(VersionRules.retire(VersionRecord.shipped(MODEL, "1"), "2")).isEqualTo(VersionState.RETIRED);

        assertThatThrownBy(() -> VersionRules.retire(VersionRecord.shipped(MODEL, "1"), "1"))
                .hasMessageContaining("is the default; make another version the default before it is retired");
        assertThatThrownBy(() -> VersionRules.deprecate(VersionRecord.shipped(MODEL, "1"), "1"))
                .hasMessageContaining("before it is deprecated");
        assertThatThrownBy(() -> VersionRules.retire(uploaded("2", VersionState.STAGED), "1"))
                .hasMessageContaining("only a published or deprecated version is retired");
        assertThatThrownBy(() -> VersionRules.retire(uploaded("2", VersionState.RETIRED), "1"))
                .isInstanceOf(ModelVersionStateException.class);
        assertThatThrownBy(() -> VersionRules.deprecate(uploaded("2", VersionState.DEPRECATED), "1"))
                .hasMessageContaining("only a published version is deprecated");
    }

    @Test
    void theDefaultRollsBackOnlyToAVersionThatStillAnswers() {
        VersionRules.rollBack(MODEL, VersionRecord.shipped(MODEL, "1"));
        VersionRules.rollBack(MODEL, uploaded("1", VersionState.DEPRECATED));
        assertThatThrownBy(() -> VersionRules.rollBack(MODEL, null)).hasMessageContaining("no earlier default version");
        assertThatThrownBy(() -> VersionRules.rollBack(MODEL, uploaded("1", VersionState.RETIRED)))
                .hasMessageContaining("is RETIRED and cannot answer again");
    }
}
