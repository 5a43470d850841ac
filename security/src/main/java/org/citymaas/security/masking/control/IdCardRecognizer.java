package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.digit;
import static org.citymaas.security.masking.control.Chars.digitRun;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Resident ID numbers (GB 11643): 18 characters with region, real birth date and MOD 11-2 check
 * character (X or x), also written 6-8-4 with spaces or dashes; and the legacy 15-digit form.
 */
public final class IdCardRecognizer implements Recognizer {

    @Override
    public PiiType type() {
        return PiiType.CN_ID_CARD;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c >= '1' && c <= '8';
    }

    @Override
    public int match(String s, int start) {
        int run = digitRun(s, start);
        if (run == 18 || (run == 17 && isX(at(s, start + 17)))) {
            return ended(s, start + 18) && CheckDigits.validIdCard18(DigitGroups.digits(s, start, start + 18))
                    ? start + 18
                    : -1;
        }
        if (run == 15) {
            return ended(s, start + 15) && CheckDigits.validIdCard15(DigitGroups.digits(s, start, start + 15))
                    ? start + 15
                    : -1;
        }
        if (run == 6) {
            return grouped(s, start);
        }
        return -1;
    }

    private static int grouped(String s, int start) {
        char sep = at(s, start + 6);
        if ((sep != ' ' && sep != '-') || digitRun(s, start + 7) != 8 || at(s, start + 15) != sep) {
            return -1;
        }
        int tail = digitRun(s, start + 16);
        boolean shaped = tail == 4 || (tail == 3 && isX(at(s, start + 19)));
        int end = start + 20;
        return shaped && ended(s, end) && CheckDigits.validIdCard18(DigitGroups.digits(s, start, end)) ? end : -1;
    }

    private static boolean isX(char c) {
        return c == 'X' || c == 'x';
    }

    private static boolean ended(String s, int end) {
        char next = at(s, end);
        return !digit(next) && !(asciiAlnum(next) && isX(at(s, end - 1))) && !Chars.decimalTail(s, end);
    }
}
