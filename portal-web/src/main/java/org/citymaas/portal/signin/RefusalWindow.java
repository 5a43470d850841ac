package org.citymaas.portal.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts refused sign-ins per window of time and picks which of them the audit log records one by
 * one: the first {@code samples} of each window. The rest are only counted, and the window's
 * {@link Summary} says how many there were, why and from how many addresses. A flood of bad tokens
 * thus adds at most {@code samples + 1} events a window to the chain, and none goes unnoticed.
 *
 * <p>Thread-safe; the clock is the caller's, so that tests can drive it.
 */
final class RefusalWindow {

    /** Addresses remembered per window; a flood from more is reported as "at least" this many. */
    static final int MAX_ADDRESSES = 10_000;

    private final int samples;
    private final Duration length;

    private Instant start;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Set<String> addresses = new HashSet<>();
    private long total;

    RefusalWindow(int samples, Duration length, Instant start) {
        if (samples < 0 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("samples >= 0 and a positive window length");
        }
        this.samples = samples;
        this.length = length;
        this.start = start;
    }

    /**
     * One refusal at {@code now}.
     *
     * @return whether to record this one as its own event, and the summary of a window that ended
     *     before it (to record first), if that window counted more refusals than it recorded
     */
    synchronized Decision refuse(String reason, String address, Instant now) {
        var closed = roll(now);
        total++;
        byReason.merge(reason, 1L, Long::sum);
        if (address != null && addresses.size() < MAX_ADDRESSES) {
            addresses.add(address);
        }
        return new Decision(total <= samples, closed);
    }

    /** The summary of the window if it has ended by {@code now} and counted refusals it did not record. */
    synchronized Optional<Summary> close(Instant now) {
        return roll(now);
    }

    private Optional<Summary> roll(Instant now) {
        if (now.isBefore(start.plus(length))) {
            return Optional.empty();
        }
        var summary = total > samples
                ? Optional.of(new Summary(
                        start,
                        start.plus(length),
                        total,
                        samples,
                        Map.copyOf(new TreeMap<>(byReason)),
                        addresses.size(),
                        addresses.size() >= MAX_ADDRESSES))
                : Optional.<Summary>empty();
        long windows = Duration.between(start, now).dividedBy(length);
        start = start.plus(length.multipliedBy(windows));
        total = 0;
        byReason.clear();
        addresses.clear();
        return summary;
    }

    /**
     * @param sample record this refusal as its own event
     * @param closed a window that ended before this refusal and needs its summary recorded
     */
    record Decision(boolean sample, Optional<Summary> closed) {}

    /**
     * A window's refusals.
     *
     * @param total every refusal in the window
     * @param sampled how many of them were recorded one by one (the first ones)
     * @param byReason the refusals per reason
     * @param addresses distinct client addresses
     * @param moreAddresses true when there were more addresses than could be remembered
     */
    record Summary(
            Instant from,
            Instant to,
            long total,
            long sampled,
            Map<String, Long> byReason,
            int addresses,
            boolean moreAddresses) {

        /** The audit summary: printable ASCII structure, reasons in a stable order. */
        String describe() {
            var reasons = new StringBuilder();
            new TreeMap<>(byReason)
                    .forEach((reason, count) -> reasons.append(reasons.isEmpty() ? "" : ", ")
                            .append(reason)
                            .append(' ')
                            .append(count));
            return total + " refused from " + from + " to " + to + " (" + reasons + "); " + sampled
                    + " recorded one by one; " + (moreAddresses ? "at least " : "") + addresses
                    + " client addresses";
        }
    }
}
