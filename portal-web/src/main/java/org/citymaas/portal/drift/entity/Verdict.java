package org.citymaas.portal.drift.entity;

/** What a month's drift judgement says of a department's use of a model version. */
public enum Verdict {
    /** The card has no usable prediction reference (an uploaded version without one): no judgement. */
    NO_REFERENCE,
    /** Fewer predictions than the minimum: too few to judge. */
    TOO_FEW,
    /** PSI below the watch level. */
    STABLE,
    /** PSI at or above the watch level, below the threshold. */
    WATCH,
    /** PSI at or above the threshold: flagged. */
    DRIFT;

    /** The wire and message-key form: {@code no-reference}, {@code too-few}, {@code stable}, {@code watch}, {@code drift}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
