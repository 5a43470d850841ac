package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiLetter;
import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.digit;

import org.citymaas.security.masking.entity.PiiType;

/**
 * IPv4 addresses in dotted-quad form, each octet 0-255 without leading zeros; a version number
 * ({@code v1.2.3.4}), a clause number ({@code 第1.2.3.4条}) or a longer dotted run of numbers is
 * not an address.
 */
public final class IpAddressRecognizer implements Recognizer {

    /** What follows a clause number ({@code 第1.2.3.4条}), never an address. */
    private static final String SECTION_WORDS = "条款节章项";

    @Override
    public PiiType type() {
        return PiiType.IP_ADDRESS;
    }

    @Override
    public boolean triggeredBy(char c) {
        return digit(c);
    }

    @Override
    public int match(String s, int start) {
        char before = at(s, start - 1);
        if (before == '.' || before == '\u7B2C' || asciiLetter(before)) {
            return -1;
        }
        int i = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at(s, i) != '.') {
                    return -1;
                }
                i++;
            }
            int value = 0;
            int len = 0;
            while (digit(at(s, i)) && len < 4) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                len++;
            }
            if (len == 0 || len > 3 || value > 255 || (len > 1 && at(s, i - len) == '0')) {
                return -1;
            }
        }
        if ((at(s, i) == '.' && digit(at(s, i + 1))) || SECTION_WORDS.indexOf(at(s, i)) >= 0) {
            return -1;
        }
        return i;
    }
}
