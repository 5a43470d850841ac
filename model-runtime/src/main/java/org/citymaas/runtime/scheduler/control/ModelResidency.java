package org.citymaas.runtime.scheduler.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;
import org.citymaas.runtime.engine.control.BatchRunner;
import org.citymaas.runtime.engine.control.InferenceEngine;
import org.citymaas.runtime.engine.control.LoadedModel;
import org.citymaas.runtime.scheduler.entity.ModelState;
import org.citymaas.runtime.scheduler.entity.ModelStatus;

/**
 * Which model versions are in memory. Loads happen on a loader thread; when a load would exceed the
 * memory budget, idle versions are unloaded least recently used first (a version running a batch is
 * never unloaded under it). Each loaded version keeps a pool of runners, one per worker that used it.
 */
public final class ModelResidency implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModelResidency.class.getName());

    /** A resident (or loading, or failed) version. */
    public static final class Entry {
        private final ModelVersion version;
        private volatile ModelState state = ModelState.LOADING;
        private LoadedModel model;
        private RuntimeException failure;
        private int inUse;
        private boolean unloadWhenIdle;
        private final ConcurrentLinkedQueue<BatchRunner> runners = new ConcurrentLinkedQueue<>();

        Entry(ModelVersion version) {
            this.version = version;
        }

        public ModelVersion version() {
            return version;
        }

        public BatchRunner borrowRunner() {
            BatchRunner r = runners.poll();
            return r != null ? r : model.newRunner();
        }

        public void returnRunner(BatchRunner runner) {
            runners.add(runner);
        }
    }

    private final InferenceEngine engine;
    private final long budgetBytes;
    private final BiConsumer<ModelVersion, RuntimeException> onSettled;
    private final LinkedHashMap<ModelRef, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "citymaas-model-loader");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Map<ModelRef, Boolean> readyVersions = new java.util.concurrent.ConcurrentHashMap<>();
    private long usedBytes;

    /**
     * @param onSettled told when a load finished: the version and {@code null}, or the failure
     */
    public ModelResidency(
            InferenceEngine engine, long budgetBytes, BiConsumer<ModelVersion, RuntimeException> onSettled) {
        this.engine = engine;
        this.budgetBytes = budgetBytes;
        this.onSettled = onSettled;
    }

    /** Starts loading the version unless it is loaded or loading. */
    public synchronized void ensureLoading(ModelVersion version) {
        Entry e = entries.get(version.ref());
        if (e != null && e.state != ModelState.FAILED) {
            return;
        }
        Entry entry = new Entry(version);
        entries.put(version.ref(), entry);
        loader.execute(() -> load(entry));
    }

    private void load(Entry entry) {
        RuntimeException failure = null;
        try {
            LoadedModel model = engine.load(entry.version);
            List<Entry> evicted;
            synchronized (this) {
                entry.model = model;
                entry.state = ModelState.READY;
                readyVersions.put(entry.version.ref(), Boolean.TRUE);
                usedBytes += entry.version.sizeBytes();
                evicted = evictOver(entry);
                notifyAll();
            }
            evicted.forEach(ModelResidency::closeQuietly);
        } catch (RuntimeException e) {
            failure = e instanceof ModelRuntimeException
                    ? e
                    : new ModelRuntimeException("cannot load " + entry.version.ref(), e);
            synchronized (this) {
                entry.state = ModelState.FAILED;
                entry.failure = failure;
                notifyAll();
            }
        }
        onSettled.accept(entry.version, failure);
    }

    /** Unloads idle versions, least recently used first, until the budget holds; returns them to close. */
    private List<Entry> evictOver(Entry keep) {
        var evicted = new ArrayList<Entry>();
        var it = entries.values().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
            Entry e = it.next();
            if (e != keep && e.state == ModelState.READY && e.inUse == 0) {
                it.remove();
                readyVersions.remove(e.version.ref());
                usedBytes -= e.version.sizeBytes();
                evicted.add(e);
                LOG.fine(() -> "unloaded " + e.version.ref() + " to stay within the memory budget");
            }
        }
        return evicted;
    }

    /** Loads the version if needed and waits until it is ready. */
    public void load(ModelVersion version) {
        ensureLoading(version);
        synchronized (this) {
            while (true) {
                Entry e = entries.get(version.ref());
                if (e == null) {
                    ensureLoading(version);
                    continue;
                }
                if (e.state == ModelState.READY) {
                    return;
                }
                if (e.state == ModelState.FAILED) {
                    throw e.failure;
                }
                try {
                    wait();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ModelRuntimeException("interrupted while loading " + version.ref());
                }
            }
        }
    }

    /** Unloads the version now, or after the batches running on it. */
    public void unload(ModelRef ref) {
        Entry closeNow = null;
        synchronized (this) {
            Entry e = entries.get(ref);
            if (e == null || e.state != ModelState.READY) {
                if (e != null && e.state == ModelState.FAILED) {
                    entries.remove(ref);
                }
                return;
            }
            if (e.inUse == 0) {
                entries.remove(ref);
                readyVersions.remove(ref);
                usedBytes -= e.version.sizeBytes();
                closeNow = e;
            } else {
                e.unloadWhenIdle = true;
            }
        }
        if (closeNow != null) {
            closeQuietly(closeNow);
        }
    }

    public synchronized ModelState state(ModelRef ref) {
        Entry e = entries.get(ref);
        return e == null ? ModelState.NOT_LOADED : e.state;
    }

    /** Without locking or touching the LRU order. */
    boolean ready(ModelRef ref) {
        return readyVersions.containsKey(ref);
    }

    /** Marks the version in use (and most recently used); {@code null} unless it is ready. */
    public synchronized Entry acquire(ModelRef ref) {
        Entry e = entries.get(ref);
        if (e == null || e.state != ModelState.READY) {
            return null;
        }
        e.inUse++;
        return e;
    }

    public void release(Entry entry) {
        boolean close = false;
        List<Entry> evicted;
        synchronized (this) {
            entry.inUse--;
            if (entry.inUse == 0 && entry.unloadWhenIdle && entries.get(entry.version.ref()) == entry) {
                entries.remove(entry.version.ref());
                readyVersions.remove(entry.version.ref());
                usedBytes -= entry.version.sizeBytes();
                close = true;
            }
            evicted = evictOver(null);
        }
        if (close) {
            closeQuietly(entry);
        }
        evicted.forEach(ModelResidency::closeQuietly);
    }

    public synchronized List<ModelStatus> statuses() {
        return entries.values().stream()
                .map(e -> new ModelStatus(e.version.ref(), e.state, e.version.sizeBytes(), e.inUse))
                .toList();
    }

    public synchronized long usedBytes() {
        return usedBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    private static void closeQuietly(Entry e) {
        try {
            BatchRunner r;
            while ((r = e.runners.poll()) != null) {
                r.close();
            }
            e.model.close();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "closing " + e.version.ref() + " failed", ex);
        }
    }

    @Override
    public void close() {
        loader.shutdown();
        try {
            loader.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        List<Entry> all;
        synchronized (this) {
            all = entries.values().stream()
                    .filter(e -> e.state == ModelState.READY)
                    .toList();
            entries.clear();
            readyVersions.clear();
            usedBytes = 0;
        }
        all.forEach(ModelResidency::closeQuietly);
    }
}
