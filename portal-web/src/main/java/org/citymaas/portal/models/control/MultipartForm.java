package org.citymaas.portal.models.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.citymaas.portal.errors.RejectedModelUploadException;

/**
 * A {@code multipart/form-data} body (RFC 7578) read into memory, at most {@code maxBytes}: its parts by
 * name. Small on purpose: the upload has two parts, and the body's size is bounded before it is parsed.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");

    private MultipartForm() {}

    /**
     * The parts of the body by name.
     *
     * @throws RejectedModelUploadException the body is not multipart/form-data (400) or is larger than allowed
     *     (413)
     */
    public static Map<String, byte[]> parse(InputStream body, String contentType, long maxBytes) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw notMultipart();
        }
        var m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw notMultipart();
        }
        var boundary = m.group(2) != null ? m.group(2) : m.group(3);
        byte[] data = read(body, maxBytes);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(data, delimiter, 0);
        if (at < 0) {
            throw notMultipart();
        }
        var parts = new LinkedHashMap<String, byte[]>();
        int p = at + delimiter.length;
        while (true) {
            if (p + 2 <= data.length && data[p] == '-' && data[p + 1] == '-') {
                return parts;
            }
            if (p + 2 > data.length || data[p] != '\r' || data[p + 1] != '\n') {
                throw notMultipart();
            }
            p += 2;
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), p);
            if (headersEnd < 0) {
                throw notMultipart();
            }
            var headers = new String(data, p, headersEnd - p, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int end = indexOf(data, next, contentStart);
            if (end < 0) {
                throw notMultipart();
            }
            var name = NAME.matcher(headers);
            if (name.find() && !parts.containsKey(name.group(1))) {
                var content = new byte[end - contentStart];
                System.arraycopy(data, contentStart, content, 0, content.length);
                parts.put(name.group(1), content);
            }
            p = end + next.length;
        }
    }

    private static byte[] read(InputStream body, long maxBytes) {
        try {
            byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new RejectedModelUploadException("too-large", "the upload is larger than " + maxBytes + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static RejectedModelUploadException notMultipart() {
        return new RejectedModelUploadException(
                "not-multipart",
                "send multipart/form-data with the parts savedModel (the SavedModel as a zip) and card (the model"
                        + " card JSON)");
    }
}
