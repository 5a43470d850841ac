package org.citymaas.security.audit.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long audit events stay online, per category of action: a default period and rules for actions
 * ({@code signin.failed}) or action prefixes ({@code inference.*}, {@code signin*}). The most specific
 * rule that matches an action wins (an exact action before any prefix, a longer prefix before a shorter
 * one). No period may be below {@value #MINIMUM_DAYS} days: the Cybersecurity Law of the PRC (art. 21)
 * asks network logs to be kept no less than six months.
 *
 * <p>Retention removes only a prefix of the chain, so an event whose category is kept longer keeps every
 * event after it online too, whatever their own period.
 *
 * @param defaultDays the period of actions no rule matches
 * @param rules the rules, as given
 */
public record RetentionPolicy(int defaultDays, List<Rule> rules) {

    /** The shortest period any category may have, in days. */
    public static final int MINIMUM_DAYS = 180;

    /** One category's period: {@code pattern} is an action, or a prefix followed by {@code *}. */
    public record Rule(String pattern, int days) {

        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            if (!pattern.matches("[A-Za-z0-9_.:-]*\\*?") || pattern.isEmpty() || pattern.equals("*")) {
                throw new InvalidRetentionPolicyException("a retention rule names an action or a prefix followed by *"
                        + " (letters, digits, . _ : -), not '" + pattern + "'");
            }
            checkDays("'" + pattern + "'", days);
        }

        /** Whether the rule is a prefix ({@code inference.*}) rather than one action. */
        public boolean isPrefix() {
            return pattern.endsWith("*");
        }

        /** The pattern without its {@code *}. */
        public String stem() {
            return isPrefix() ? pattern.substring(0, pattern.length() - 1) : pattern;
        }

        boolean matches(String action) {
            return isPrefix() ? action.startsWith(stem()) : action.equals(pattern);
        }
    }

    public RetentionPolicy {
        checkDays("the default", defaultDays);
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        var seen = new LinkedHashMap<String, Rule>();
        for (var rule : rules) {
            if (seen.put(rule.pattern(), rule) != null) {
                throw new InvalidRetentionPolicyException("the retention rule '" + rule.pattern() + "' is given twice");
            }
        }
    }

    /** The least the law allows: every category {@value #MINIMUM_DAYS} days. */
    public static RetentionPolicy minimum() {
        return new RetentionPolicy(MINIMUM_DAYS, List.of());
    }

    /**
     * Reads a policy such as {@code "default=180, inference.*=180, signin*=365"}: comma-separated
     * {@code pattern=days}; {@code default} is the period of actions no rule matches ({@value
     * #MINIMUM_DAYS} when not given).
     *
     * @throws InvalidRetentionPolicyException a malformed entry, or a period below {@value #MINIMUM_DAYS} days
     */
    public static RetentionPolicy parse(String text) {
        int defaultDays = MINIMUM_DAYS;
        var rules = new ArrayList<Rule>();
        for (var entry : Objects.requireNonNull(text, "text").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            var parts = entry.split("=", -1);
            if (parts.length != 2) {
                throw new InvalidRetentionPolicyException(
                        "a retention entry is pattern=days, not '" + entry.strip() + "'");
            }
            var pattern = parts[0].strip();
            int days;
            try {
                days = Integer.parseInt(parts[1].strip().replaceFirst("d$", ""));
            } catch (NumberFormatException e) {
                throw new InvalidRetentionPolicyException(
                        "the retention period of '" + pattern + "' is not a whole number of days: " + parts[1].strip());
            }
            if (pattern.equals("default")) {
                defaultDays = days;
            } else {
                rules.add(new Rule(pattern, days));
            }
        }
        return new RetentionPolicy(defaultDays, rules);
    }

    /** The period of the action, in days. */
    public int daysFor(String action) {
        return ruleFor(action).map(Rule::days).orElse(defaultDays);
    }

    /** The rule that sets the action's period, if one does (else the default does). */
    public Optional<Rule> ruleFor(String action) {
        return bySpecificity().stream().filter(r -> r.matches(action)).findFirst();
    }

    /** Whether an event of the action that occurred at {@code occurredAt} may be removed at {@code now}. */
    public boolean expired(String action, Instant occurredAt, Instant now) {
        return !occurredAt.isAfter(now.minus(Duration.ofDays(daysFor(action))));
    }

    /** The rules, most specific first: the order in which they are tried. */
    public List<Rule> bySpecificity() {
        return rules.stream()
                .sorted(Comparator.comparing(Rule::isPrefix)
                        .thenComparing(
                                Comparator.comparingInt((Rule r) -> r.stem().length())
                                        .reversed())
                        .thenComparing(Rule::pattern))
                .toList();
    }

    /** The policy in the form {@link #parse} reads. */
    @Override
    public String toString() {
        var text = new StringBuilder("default=").append(defaultDays);
        rules.forEach(r -> text.append(", ").append(r.pattern()).append('=').append(r.days()));
        return text.toString();
    }

    /** The rules as pattern → days, in the order given. */
    public Map<String, Integer> periods() {
        var periods = new LinkedHashMap<String, Integer>();
        rules.forEach(r -> periods.put(r.pattern(), r.days()));
        return periods;
    }

    private static void checkDays(String what, int days) {
        if (days < MINIMUM_DAYS) {
            throw new InvalidRetentionPolicyException("the retention period of " + what + " is " + days
                    + " days: audit events must stay online for at least " + MINIMUM_DAYS
                    + " days (Cybersecurity Law of the PRC, art. 21: network logs no less than six months)");
        }
    }
}
