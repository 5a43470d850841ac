package org.citymaas.security.masking.entity;

import java.util.Objects;

/**
 * One recognized piece of PII: its type and its span {@code [start, end)} as Java {@code String}
 * indices into the scanned text.
 */
public record Finding(PiiType type, int start, int end) implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(Finding other) {
        return start != other.start ? Integer.compare(start, other.start) : Integer.compare(end, other.end);
    }
}
