package org.citymaas.portal.models.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.citymaas.portal.errors.RejectedModelUploadException;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=XyZ123";

    private static byte[] body(byte[] zip, String card) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--XyZ123\r\nContent-Disposition: form-data; name=\"savedModel\"; filename=\"m.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(UTF_8));
        out.writeBytes(zip);
        out.writeBytes(("\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"card\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + card + "\r\n--XyZ123--\r\n")
                .getBytes(UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsEachPartByNameWithItsExactBytes() {
        var zip = new byte[] {'P', 'K', 3, 4, '\r', '\n', '-', '-', 0, (byte) 0xff};

        var parts = MultipartForm.parse(new ByteArrayInputStream(body(zip, "{\"name\":\"x\"}")), TYPE, 10_000);

        assertThat(parts).containsOnlyKeys("savedModel", "card");
        assertThat(parts.get("savedModel")).isEqualTo(zip);
        assertThat(new String(parts.get("card"), UTF_8)).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void refusesABodyLargerThanAllowed() {
        var e = catchThrowableOfType(
                RejectedModelUploadException.class,
                () -> MultipartForm.parse(new ByteArrayInputStream(body(new byte[5000], "{}")), TYPE, 1000));

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.reason()).isEqualTo("too-large");
    }

    @Test
    void refusesWhatIsNotMultipart() {
        var e = catchThrowableOfType(
                RejectedModelUploadException.class,
                () -> MultipartForm.parse(new ByteArrayInputStream("{}".getBytes(UTF_8)), "application/json", 1000));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("savedModel").contains("card");
    }
}
