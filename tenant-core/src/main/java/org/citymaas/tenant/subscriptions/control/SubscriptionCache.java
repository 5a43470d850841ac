package org.citymaas.tenant.subscriptions.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.citymaas.tenant.departments.entity.TenantId;
import org.citymaas.tenant.subscriptions.entity.Subscription;

/**
 * The subscriptions read on every governed request (issue 14: no per-request work that can be done once), kept until
 * they change. An answer is cached only while changes are heard ({@link SubscriptionChanges#listening()}), and a read
 * that raced with a change is never kept: every change bumps a generation, and a value put while the generation
 * moved is taken out again. Entries are also read again after {@link #MAX_AGE}, a safety net, not the mechanism.
 */
public final class SubscriptionCache {

    /** How long an entry is trusted at most, changes heard or not. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** More departments × models than this and the cache starts over (a city has a few hundred). */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(TenantId tenant, String model) {}

    private record Entry(Optional<Subscription> value, Instant readAt) {}

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final BooleanSupplier trusted;
    private final Clock clock;

    /** @param trusted whether changes are heard right now; while not, every read goes to the database */
    public SubscriptionCache(BooleanSupplier trusted, Clock clock) {
        this.trusted = trusted;
        this.clock = clock;
    }

    /** The department's subscription to the model, from the cache or from {@code read}. */
    public Optional<Subscription> get(TenantId tenant, String model, Supplier<Optional<Subscription>> read) {
        if (!trusted.getAsBoolean()) {
            return read.get();
        }
        var key = new Key(tenant, model);
        var now = clock.instant();
        var cached = entries.get(key);
        if (cached != null && cached.readAt().plus(MAX_AGE).isAfter(now)) {
            return cached.value();
        }
        long before = generation.get();
        var value = read.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        var entry = new Entry(value, now);
        entries.put(key, entry);
        if (generation.get() != before || !trusted.getAsBoolean()) {
            entries.remove(key, entry); // a change arrived while reading: what was read may be old
        }
        return value;
    }

    /** A change of one subscription, or of anything ({@code Optional.empty()}). */
    public void changed(Optional<SubscriptionChanges.Change> change) {
        generation.incrementAndGet();
        change.ifPresentOrElse(c -> entries.remove(new Key(c.tenant(), c.model())), entries::clear);
    }

    /** How many answers are kept (for tests). */
    int size() {
        return entries.size();
    }
}
