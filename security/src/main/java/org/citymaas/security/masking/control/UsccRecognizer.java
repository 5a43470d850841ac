package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.at;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Unified social credit codes (GB 32100): 18 characters of the code alphabet, a registration
 * authority and organization type, a province-level region, the organization code with its own
 * GB 11714 check character, and the MOD 31 check character.
 */
public final class UsccRecognizer implements Recognizer {

    @Override
    public PiiType type() {
        return PiiType.CN_USCC;
    }

    @Override
    public boolean triggeredBy(char c) {
        return (c >= '1' && c <= '9') || (c >= 'A' && c <= 'G') || c == 'N' || c == 'Y';
    }

    @Override
    public int match(String s, int start) {
        int end = start + 18;
        if (end > s.length() || asciiAlnum(at(s, end))) {
            return -1;
        }
        for (int i = start; i < end; i++) {
            if (!CheckDigits.usccChar(s.charAt(i))) {
                return -1;
            }
        }
        char kind = s.charAt(start + 1);
        if (kind < '1' || kind > '9' || !RegionCodes.validPrefix(s.charAt(start + 2), s.charAt(start + 3))) {
            return -1;
        }
        for (int i = start + 4; i < start + 8; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return -1;
            }
        }
        if (CheckDigits.organizationCodeCheck(s.subSequence(start + 8, start + 16)) != s.charAt(start + 16)) {
            return -1;
        }
        return CheckDigits.usccCheck(s.subSequence(start, end)) == s.charAt(end - 1) ? end : -1;
    }
}
