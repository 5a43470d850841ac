package org.citymaas.portal.exports.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** An uploaded file's bytes as UTF-8 text, refusing malformed bytes rather than replacing them with U+FFFD. */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** The text, or empty when the bytes are not UTF-8 ({@code null} reads as no bytes). */
    public static Optional<String> decode(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content == null ? new byte[0] : content))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
