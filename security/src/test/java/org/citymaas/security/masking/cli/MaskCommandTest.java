package org.citymaas.security.masking.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, Map<String, String> env, String... args) {
        return MaskCommand.run(
                args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
    }

    private String[] lines() {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void writesOneJsonLinePerInputLineWithTypesAndStringOffsets() throws Exception {
        int status = run("{\"text\": \"市民来电，手机13812345678，邮箱zw@qq.com\"}\n{\"text\": \"没有个人信息\"}\n", Map.of());

        assertThat(status).isZero();
        var lines = lines();
        assertThat(lines).hasSize(2);
        var first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("masked").asText()).isEqualTo("市民来电，手机138****5678，邮箱z*@qq.com");
        assertThat(first.get("findings").toString())
                .isEqualTo(
                        "[{\"type\":\"CN_MOBILE\",\"start\":7,\"end\":18},{\"type\":\"EMAIL\",\"start\":21,\"end\":30}]");
        assertThat(lines[1]).isEqualTo("{\"masked\":\"没有个人信息\",\"findings\":[]}");
    }

    @Test
    void answersAnInvalidLineWithAnErrorLineInPlaceAndExitsWithOne() {
        int status = run("{\"text\": \"手机13812345678\"}\nnot json\n{\"txt\": 1}\n{\"text\": \"ok\"}\n", Map.of());

        assertThat(status).isEqualTo(1);
        var lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("{\"masked\":\"手机138****5678\"");
        assertThat(lines[1]).startsWith("{\"error\":\"invalid JSON");
        assertThat(lines[2]).startsWith("{\"error\":\"expected an object");
        assertThat(lines[3]).isEqualTo("{\"masked\":\"ok\",\"findings\":[]}");
    }

    @Test
    void redactsOrPseudonymizesPerTypeWithTheSecretFromTheEnvironment() {
        var env = Map.of(MaskCommand.SECRET_VARIABLE, "Y2l0eW1hYXMtY2xpLXRlc3QtbWFzdGVyLXNlY3JldC0zMmJ5dGVz");
        int status = run(
                "{\"text\": \"手机13812345678，邮箱zw@qq.com\"}\n",
                env,
                "--operator",
                "redact",
                "-t",
                "EMAIL=pseudonymize",
                "--department",
                "transport");

        assertThat(status).isZero();
        assertThat(lines()[0]).matches("\\{\"masked\":\"手机\\[CN_MOBILE]，邮箱\\[EMAIL:[0-9a-f]{16}]\".*");
    }

    @Test
    void refusesKeyedOperatorsWithoutASecretAndWritesNothingToStandardOutput() {
        int status = run("{\"text\": \"手机13812345678\"}\n", Map.of(), "--operator", "pseudonymize");

        assertThat(status).isEqualTo(2);
        assertThat(out.toByteArray()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(MaskCommand.SECRET_VARIABLE);
    }
}
