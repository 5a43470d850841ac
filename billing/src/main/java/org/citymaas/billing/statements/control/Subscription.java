package org.citymaas.billing.statements.control;

import java.util.Comparator;

/** A model version a department used: what a statement prices as one subscription. */
record Subscription(String model, String version) implements Comparable<Subscription> {

    private static final Comparator<Subscription> ORDER =
            Comparator.comparing(Subscription::model).thenComparing(Subscription::version);

    @Override
    public int compareTo(Subscription other) {
        return ORDER.compare(this, other);
    }
}
