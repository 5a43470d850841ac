package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.digitRun;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Chinese passport numbers: {@code E12345678}, {@code EA1234567} (no I or O), the older
 * {@code G12345678}, and diplomatic, service and official {@code DE/SE/PE1234567}.
 */
public final class PassportRecognizer implements Recognizer {

    @Override
    public PiiType type() {
        return PiiType.PASSPORT;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c == 'E' || c == 'G' || c == 'D' || c == 'S' || c == 'P';
    }

    @Override
    public int match(String s, int start) {
        char first = s.charAt(start);
        char second = at(s, start + 1);
        int end;
        if ((first == 'E' || first == 'G') && digitRun(s, start + 1) == 8) {
            end = start + 9;
        } else if (first == 'E' && second >= 'A' && second <= 'Z' && second != 'I' && second != 'O') {
            end = digitRun(s, start + 2) == 7 ? start + 9 : -1;
        } else if (first != 'E' && first != 'G' && second == 'E') {
            end = digitRun(s, start + 2) == 7 ? start + 9 : -1;
        } else {
            end = -1;
        }
        return end > 0 && !asciiAlnum(at(s, end)) ? end : -1;
    }
}
