package org.citymaas.runtime.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card's text in Chinese and English: read from JSON, English wherever the Chinese lacks a part. */
class CardTranslationsTest {

    private static final Path TRAFFIC = Path.of("src/main/resources/catalog/traffic-flow-forecast/1/model-card.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheChineseTextBesideTheEnglish() {
        var card = ModelCardCodec.read(TRAFFIC);

        var zh = card.text("zh");
        assertThat(zh.title()).isEqualTo("路段下一小时交通流量预测");
        assertThat(zh.limitations()).hasSize(3).first().asString().startsWith("基于模拟流量数据训练");
        assertThat(zh.input("day_of_week")).isEqualTo("预测时段所在的星期，0 = 星期一。");
        assertThat(zh.output("vehicles_next_hour")).isEqualTo("未来一小时的预计车流量。");
        assertThat(zh.baseline("mae_vehicles_per_hour")).isEqualTo("持续性预测（取上一小时流量）");
        var en = card.text("en");
        assertThat(en.title()).isEqualTo("Road segment traffic flow, next hour").isEqualTo(card.title());
        assertThat(en.input("day_of_week")).isEqualTo("Day of week of the forecast hour, 0 = Monday.");
        assertThat(en.trainingData()).isEqualTo(card.trainingData().description());
        assertThat(card.translated("zh")).isTrue();
    }

    @Test
    void aCardWithEnglishOnlyReadsInEnglishInEveryLanguage() throws IOException {
        var json = (ObjectNode) JSON.readTree(TRAFFIC.toFile());
        json.remove("translations");

        var card = ModelCardCodec.parse(JSON.writeValueAsBytes(json));

        assertThat(card.translations()).isEmpty();
        assertThat(card.translated("zh")).isFalse();
        assertThat(card.text("zh")).isEqualTo(card.text("en"));
        assertThat(card.text("zh").title()).isEqualTo("Road segment traffic flow, next hour");
        assertThat(card.text("zh").input("hour_of_day")).isEqualTo("Hour of day (Asia/Shanghai) the forecast is for.");
    }

    @Test
    void aPartialTranslationIsCompletedFromTheEnglishPartByPart() throws IOException {
        var json = (ObjectNode) JSON.readTree(TRAFFIC.toFile());
        var zh = (ObjectNode) json.get("translations").get("zh");
        zh.remove("intended_use");
        ((ObjectNode) zh.get("inputs")).remove("is_holiday");
        zh.putArray("limitations").add("只有一条");

        var card = ModelCardCodec.parse(JSON.writeValueAsBytes(json));
        var text = card.text("zh");

        assertThat(text.title()).isEqualTo("路段下一小时交通流量预测");
        assertThat(text.intendedUse()).isEqualTo(card.intendedUse());
        assertThat(text.input("is_holiday")).isEqualTo("1 when the forecast day is a public holiday.");
        assertThat(text.input("hour_of_day")).isEqualTo("预测时段所在的小时（北京时间）。");
        assertThat(text.limitations()).isEqualTo(card.limitations());
        assertThat(card.translated("zh")).isFalse();
        assertThat(card.text("fr")).isEqualTo(card.text("en"));
    }

    @Test
    void writesTheTranslationsBack(@TempDir Path dir) throws IOException {
        var card = ModelCardCodec.read(TRAFFIC);
        var file = dir.resolve("model-card.json");

        ModelCardCodec.write(card, file);

        assertThat(ModelCardCodec.read(file)).isEqualTo(card);
        assertThat(Files.readString(file)).contains("\"title\" : \"路段下一小时交通流量预测\"");
    }
}
