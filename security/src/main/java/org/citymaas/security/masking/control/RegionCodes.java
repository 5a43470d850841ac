package org.citymaas.security.masking.control;

/**
 * Province-level prefixes of the GB/T 2260 administrative division codes, which open both the
 * resident ID number and the region part of a unified social credit code.
 */
final class RegionCodes {

    private static final boolean[] PROVINCES = new boolean[100];

    static {
        int[] codes = {
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65, 71, 81, 82
        };
        for (int code : codes) {
            PROVINCES[code] = true;
        }
    }

    private RegionCodes() {}

    static boolean validPrefix(char tens, char units) {
        return Chars.digit(tens) && Chars.digit(units) && PROVINCES[(tens - '0') * 10 + (units - '0')];
    }
}
