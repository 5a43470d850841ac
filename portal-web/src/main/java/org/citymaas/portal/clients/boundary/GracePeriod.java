package org.citymaas.portal.clients.boundary;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.citymaas.portal.errors.InvalidParameterException;

/**
 * How long a client's old secret still obtains tokens after a rotation: none (it stops at once) or whole seconds from
 * {@link #MIN} to {@link #MAX}, given as an ISO-8601 duration ({@code PT1H}, {@code PT24H}, {@code P7D},
 * {@code PT30S}).
 */
public record GracePeriod(Duration duration) {

    /** The parameter that carries it: {@code POST .../clients/{clientId}/secret?gracePeriod=PT1H}. */
    public static final String PARAMETER = "gracePeriod";

    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofDays(7);

    public static final GracePeriod NONE = new GracePeriod(Duration.ZERO);

    public GracePeriod {
        if (duration.isNegative() || duration.getNano() != 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a grace period is whole seconds from 0 to " + MAX + ": " + duration);
        }
    }

    /**
     * The grace period a request names; none when absent, blank or {@code PT0S}.
     *
     * @throws InvalidParameterException (400, naming {@value #PARAMETER}) for anything else than an ISO-8601 duration
     *     of whole seconds from 1 s to 7 days
     */
    public static GracePeriod parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Duration duration;
        try {
            duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid("not an ISO-8601 duration such as PT1H, PT24H or P7D");
        }
        if (duration.isZero()) {
            return NONE;
        }
        if (duration.isNegative() || duration.getNano() != 0 || duration.compareTo(MIN) < 0) {
            throw invalid("whole seconds, at least PT1S (or PT0S for none)");
        }
        if (duration.compareTo(MAX) > 0) {
            throw invalid("at most P7D (7 days)");
        }
        return new GracePeriod(duration);
    }

    private static InvalidParameterException invalid(String rule) {
        return new InvalidParameterException(PARAMETER, rule);
    }

    public boolean isNone() {
        return duration.isZero();
    }

    /** The ISO-8601 form, e.g. {@code PT1H}; {@code PT0S} for none. */
    @Override
    public String toString() {
        return duration.toString();
    }
}
