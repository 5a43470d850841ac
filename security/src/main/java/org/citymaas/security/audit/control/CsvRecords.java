package org.citymaas.security.audit.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time (quoted fields, doubled quotes, CRLF or LF line ends), so that
 * the offline verifier, which carries no CSV library, can walk a CSV export.
 */
final class CsvRecords {

    private final Reader in;
    private int ahead = -2;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("a quoted field is not closed");
                } else if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && peek() == '\n') {
                read();
                break;
            } else if (c == '\n' || c == -1) {
                break;
            } else {
                field.append((char) c);
            }
            c = read();
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        if (ahead != -2) {
            int c = ahead;
            ahead = -2;
            return c;
        }
        return in.read();
    }

    private int peek() throws IOException {
        if (ahead == -2) {
            ahead = in.read();
        }
        return ahead;
    }
}
