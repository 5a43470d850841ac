package org.citymaas.portal.metrics.control;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The only words a metric tag may hold: a department id or a catalog model name as they are, anything else
 * a fixed placeholder. A tag is kept for every distinct value, so a value a caller typed (a model name that
 * is not in the catalog) would grow the registry without bound and could carry text into the metrics.
 */
public final class TagValues {

    /** A caller without a department (a platform-wide account). */
    public static final String NO_DEPARTMENT = "none";

    /** A department id that does not look like one. */
    public static final String OTHER_DEPARTMENT = "other";

    /** A model name the catalog does not hold. */
    public static final String UNKNOWN_MODEL = "unknown";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private TagValues() {}

    /** The department tag: its id, {@code none} without one, {@code other} for an id that is not a slug. */
    public static String department(String id) {
        if (id == null || id.isEmpty()) {
            return NO_DEPARTMENT;
        }
        return NAME.matcher(id).matches() ? id : OTHER_DEPARTMENT;
    }

    /** The model tag: the name if the catalog holds it (and it is a plain name), else {@code unknown}. */
    public static String model(String name, Predicate<String> inCatalog) {
        if (name == null || !NAME.matcher(name).matches() || !inCatalog.test(name)) {
            return UNKNOWN_MODEL;
        }
        return name;
    }
}
