package org.citymaas.security.audit.entity;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The checks {@link AuditQuery} makes of each filter's values, and how a refused value is named. */
final class FilterValues {

    private FilterValues() {}

    static <T> Set<T> values(String name, Collection<T> given, Predicate<T> valid, Comparator<T> order) {
        if (given == null || given.isEmpty()) {
            return Set.of();
        }
        if (given.size() > AuditQuery.MAX_VALUES) {
            throw new InvalidAuditQueryException(
                    "at most " + AuditQuery.MAX_VALUES + " values per filter, not " + given.size() + " " + name + "s");
        }
        var sorted = new TreeSet<T>(order);
        for (var value : given) {
            if (value == null || !valid.test(value)) {
                throw new InvalidAuditQueryException(describe(name) + ", not " + shown(String.valueOf(value)));
            }
            sorted.add(value);
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    private static String describe(String name) {
        return switch (name) {
            case "actor" -> "an actor is a user or service name of 1 to 200 printable characters";
            case "action" -> "an action filter is an action such as inference.request or a category such as batch.*";
            case "model" -> "a model is a name of 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'";
            case "outcome" -> "an outcome is an upper-case word such as OK, DENIED, REJECTED or FAILED";
            default -> "a " + name + " is required";
        };
    }

    static void check(String name, String value, int maxLength) {
        if (value != null && (value.isEmpty() || value.length() > maxLength || !printable(value))) {
            throw new InvalidAuditQueryException(
                    "a " + name + " is 1 to " + maxLength + " printable characters, not " + shown(value));
        }
    }

    static boolean printable(String value) {
        return !value.isBlank()
                && value.codePoints()
                        .noneMatch(c -> Character.isISOControl(c)
                                || Character.getType(c) == Character.SURROGATE
                                || Character.getType(c) == Character.FORMAT);
    }

    /** The value quoted, or only what is wrong with it when quoting it could carry control characters on. */
    private static String shown(String value) {
        if (value.length() > 100) {
            return "a value of " + value.length() + " characters";
        }
        return printable(value) ? "'" + value + "'" : "a value with control or format characters";
    }
}
