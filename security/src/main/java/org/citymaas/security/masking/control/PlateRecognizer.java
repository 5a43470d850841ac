package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.asciiAlnum;
import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.digit;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Vehicle plates (GA 36): a province character, the issuing office letter, an optional separator,
 * then five characters with at least three digits ({@code 京A12345}, {@code 粤B·C3D45}), four and
 * a special suffix ({@code 粤B1234学}), or the six of a new-energy plate ({@code 沪AD12345},
 * {@code 粤B12345F}). Letters I and O never occur; lower case is accepted as typed.
 */
public final class PlateRecognizer implements Recognizer {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String SUFFIXES = "学警挂港澳领试超";

    @Override
    public PiiType type() {
        return PiiType.CN_PLATE;
    }

    @Override
    public boolean triggeredBy(char c) {
        return c > 127 && PROVINCES.indexOf(c) >= 0;
    }

    @Override
    public int match(String s, int start) {
        char office = Character.toUpperCase(at(s, start + 1));
        if (office < 'A' || office > 'Z' || office == 'I' || office == 'O') {
            return -1;
        }
        int i = start + 2;
        char sep = at(s, i);
        if (sep == '\u00B7' || sep == '\u2022' || sep == ' ' || sep == '-') {
            i++;
        }
        int from = i;
        int digits = 0;
        while (i - from < 7 && plateChar(at(s, i))) {
            digits += digit(at(s, i)) ? 1 : 0;
            i++;
        }
        int n = i - from;
        if (asciiAlnum(at(s, i))) {
            return -1;
        }
        if (n == 4 && SUFFIXES.indexOf(at(s, i)) >= 0 && digits >= 3) {
            return i + 1;
        }
        if (n == 5) {
            return digits >= 3 ? i : -1;
        }
        if (n == 6) {
            char first = Character.toUpperCase(at(s, from));
            char last = Character.toUpperCase(at(s, i - 1));
            boolean small = (first == 'D' || first == 'F') && digits >= 4 && digit(at(s, i - 1));
            boolean large = (last == 'D' || last == 'F') && digits == 5;
            return small || large ? i : -1;
        }
        return -1;
    }

    private static boolean plateChar(char c) {
        char u = Character.toUpperCase(c);
        return asciiAlnum(c) && u != 'I' && u != 'O';
    }
}
