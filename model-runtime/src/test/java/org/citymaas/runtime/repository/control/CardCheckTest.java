package org.citymaas.runtime.repository.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.citymaas.runtime.InvalidModelUploadException;
import org.junit.jupiter.api.Test;

class CardCheckTest {

    private static final String MODEL = "traffic-flow-forecast";

    @Test
    void acceptsACompleteCardWithItsSampleInputs() {
        var checked = CardCheck.check(Cards.bytes(Cards.trafficCard("2")), MODEL);

        assertThat(checked.card().version()).isEqualTo("2");
        assertThat(checked.samples())
                .extracting(t -> t.name())
                .containsExactly("recent_counts", "hour_of_day", "day_of_week", "is_holiday", "precipitation_mm");
        assertThat(checked.samples().get(0).shape()).containsExactly(1, 24);
    }

    @Test
    void namesEveryMissingField() {
        var card = Cards.trafficCard("2");
        card.remove("intended_use");
        card.remove("sample_inputs");
        card.put("risk_level", " ");

        var e = catchThrowableOfType(
                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(card), MODEL));

        assertThat(e.reason()).isEqualTo("card-missing-fields");
        assertThat(e.getMessage()).contains("[intended_use, risk_level, sample_inputs]");
    }

    @Test
    void refusesACardOfAnotherModelOrAnUnsafeVersion() {
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class,
                                () -> CardCheck.check(Cards.bytes(Cards.trafficCard("2")), "health-risk"))
                        .reason())
                .isEqualTo("card-name-mismatch");
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class,
                                () -> CardCheck.check(Cards.bytes(Cards.trafficCard("../1")), MODEL))
                        .reason())
                .isEqualTo("card-bad-version");
    }

    @Test
    void refusesWhatIsNotJsonAndBadSamples() {
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class, () -> CardCheck.check("{oops".getBytes(), MODEL))
                        .reason())
                .isEqualTo("card-not-json");
        var card = Cards.trafficCard("2");
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        card.get("sample_inputs").get(0))
                .put("datatype", "FP64");
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(card), MODEL))
                        .reason())
                .isEqualTo("card-bad-samples");
    }

    @Test
    void acceptsTheChineseTextAndACardInEnglishOnly() {
        var both = CardCheck.check(Cards.bytes(Cards.trafficCard("2")), MODEL).card();
        assertThat(both.text("zh").title()).isEqualTo("路段下一小时交通流量预测");

        var card = Cards.trafficCard("2");
        card.remove("translations");
        var english = CardCheck.check(Cards.bytes(card), MODEL).card();
        assertThat(english.text("zh").title()).isEqualTo("Road segment traffic flow, next hour");
    }

    @Test
    void requiresTheEnglishTextEvenBesideTheChinese() {
        var card = Cards.trafficCard("2");
        card.remove("title");

        var e = catchThrowableOfType(
                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(card), MODEL));

        assertThat(e.reason()).isEqualTo("card-missing-fields");
        assertThat(e.getMessage()).contains("[title]");
    }

    @Test
    void refusesATranslationOfFieldsTheCardDoesNotHave() {
        var card = Cards.trafficCard("2");
        ((ObjectNode) card.get("translations").get("zh").get("inputs")).put("wind_speed", "风速");

        var e = catchThrowableOfType(
                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(card), MODEL));

        assertThat(e.reason()).isEqualTo("card-bad-translation");
        assertThat(e.getMessage()).contains("translations.zh.inputs").contains("wind_speed");
    }

    @Test
    void refusesAnEnglishTranslationAndAShorterListOfLimitations() {
        var english = Cards.trafficCard("2");
        ((ObjectNode) english.get("translations")).putObject("en").put("title", "Another title");
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(english), MODEL))
                        .reason())
                .isEqualTo("card-bad-translation");

        var shorter = Cards.trafficCard("2");
        ((ObjectNode) shorter.get("translations").get("zh"))
                .putArray("limitations")
                .add("只有一条");
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(shorter), MODEL))
                        .getMessage())
                .contains("translations.zh.limitations has 1 entries, the English 3");
    }

    @Test
    void anExplanationSectionIsOptionalButWherePresentTheRuntimeMustBeAbleToUseIt() {
        var without = Cards.trafficCard("2");
        without.remove("explanation");
        assertThat(CardCheck.check(Cards.bytes(without), MODEL).card().explanation())
                .isNull();
        assertThat(CardCheck.check(Cards.bytes(Cards.trafficCard("2")), MODEL)
                        .card()
                        .explanation()
                        .baseline())
                .containsKeys("recent_counts", "precipitation_mm");

        var noBaseline = Cards.trafficCard("2");
        ((ObjectNode) noBaseline.get("explanation").get("baseline")).remove("precipitation_mm");
        var e = catchThrowableOfType(
                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(noBaseline), MODEL));
        assertThat(e.reason()).isEqualTo("card-bad-explanation");
        assertThat(e.getMessage()).contains("precipitation_mm");

        var outOfRange = Cards.trafficCard("2");
        ((ObjectNode) outOfRange.get("explanation").get("baseline"))
                .putArray("is_holiday")
                .add(7);
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class,
                                () -> CardCheck.check(Cards.bytes(outOfRange), MODEL))
                        .getMessage())
                .contains("is_holiday")
                .contains("outside the input's range");

        var unknown = Cards.trafficCard("2");
        ((ObjectNode) unknown.get("explanation")).put("method", "integrated-gradients");
        assertThat(catchThrowableOfType(
                                InvalidModelUploadException.class, () -> CardCheck.check(Cards.bytes(unknown), MODEL))
                        .reason())
                .isEqualTo("card-bad-explanation");
    }
}
