package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.digitRun;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Payment card numbers: 16 to 19 digits passing Luhn, starting like a card network issues them
 * (UnionPay 62/60, Visa 4, Mastercard 5, JCB 35, domestic 9), whole or grouped by four.
 */
public final class BankCardRecognizer implements Recognizer {

    private static final int[][] GROUPS = {{4, 4, 4, 4, 3}, {4, 4, 4, 4, 2}, {4, 4, 4, 4, 1}, {4, 4, 4, 4}, {6, 13}};

    @Override
    public PiiType type() {
        return PiiType.BANK_CARD;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c == '3' || c == '4' || c == '5' || c == '6' || c == '9';
    }

    @Override
    public int match(String s, int start) {
        int run = digitRun(s, start);
        if (run >= 16 && run <= 19) {
            return valid(s, start, start + run) ? start + run : -1;
        }
        if (run != 4 && run != 6) {
            return -1;
        }
        for (int[] groups : GROUPS) {
            int end = DigitGroups.match(s, start, groups);
            if (end > 0) {
                return valid(s, start, end) ? end : -1;
            }
        }
        return -1;
    }

    private static boolean valid(String s, int start, int end) {
        char first = s.charAt(start);
        char second = s.charAt(start + 1);
        boolean issued = first == '4'
                || first == '9'
                || (first == '5' && second >= '1' && second <= '5')
                || (first == '6' && (second == '2' || second == '0'))
                || (first == '3' && second == '5');
        if (!issued || Chars.decimalTail(s, end)) {
            return false;
        }
        var digits = DigitGroups.digits(s, start, end);
        // an 18-digit number with an ID's region and birth date is a mistyped ID, not a card
        return CheckDigits.luhn(digits) && !CheckDigits.idCardShaped(digits);
    }
}
