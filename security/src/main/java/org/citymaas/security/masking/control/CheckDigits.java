package org.citymaas.security.masking.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The check-character algorithms of the national standards, and the calendar check of an ID. */
public final class CheckDigits {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final boolean[] USCC_TABLE = new boolean[128];

    static {
        USCC_CHARS.chars().forEach(c -> USCC_TABLE[c] = true);
    }

    private CheckDigits() {}

    /** GB 11643 MOD 11-2 check character for the first 17 digits. */
    public static char idCardCheck(char[] first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17[i] - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** A full 18-character resident ID number: region, real birth date, check character. */
    public static boolean validIdCard18(char[] id) {
        return idCardShaped(id) && Character.toUpperCase(id[17]) == idCardCheck(id);
    }

    /** Region and birth date of an 18-character ID number, whatever its check character says. */
    public static boolean idCardShaped(char[] id) {
        return id.length == 18
                && RegionCodes.validPrefix(id[0], id[1])
                && realDate(number(id, 6, 4), number(id, 10, 2), number(id, 12, 2));
    }

    /** The legacy 15-digit number: region and a 19YYMMDD birth date; it has no check digit. */
    public static boolean validIdCard15(char[] id) {
        return id.length == 15
                && RegionCodes.validPrefix(id[0], id[1])
                && realDate(1900 + number(id, 6, 2), number(id, 8, 2), number(id, 10, 2));
    }

    /** Luhn (ISO/IEC 7812) over the digits. */
    public static boolean luhn(char[] digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** GB 32100 check character for the first 17 characters of a unified social credit code, or 0. */
    public static char usccCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(first17.charAt(i));
            if (v < 0) {
                return 0;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character of the 8-character body of an organization code, or 0. */
    public static char organizationCodeCheck(CharSequence body8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Chars.digit(c) ? c - '0' : Chars.upper(c) ? c - 'A' + 10 : -1;
            if (v < 0) {
                return 0;
            }
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    static boolean usccChar(char c) {
        return c < 128 && USCC_TABLE[c];
    }

    private static boolean realDate(int year, int month, int day) {
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        try {
            return !LocalDate.of(year, month, day).isAfter(LocalDate.now(ZoneOffset.ofHours(14)));
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int number(char[] c, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (c[i] - '0');
        }
        return v;
    }
}
