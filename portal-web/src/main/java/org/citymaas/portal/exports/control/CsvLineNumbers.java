package org.citymaas.portal.exports.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The line a CSV record starts on, for messages that name it ("line 7"): Commons CSV gives each record its
 * character position, and counts the empty lines it skipped into the record that follows them.
 */
public final class CsvLineNumbers {

    private final String text;
    /** Where each line starts: line n (1-based) starts at index n - 1. */
    private final List<Integer> lineStarts = new ArrayList<>();

    public CsvLineNumbers(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /** The 1-based line of the record at this character position, past the empty lines before it. */
    public int lineOf(long position) {
        var start = (int) position;
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        var index = Collections.binarySearch(lineStarts, start);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
