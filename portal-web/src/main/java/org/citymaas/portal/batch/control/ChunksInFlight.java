package org.citymaas.portal.batch.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chunks of one job handed to the chunk threads and not yet looked at: each ends true when it
 * ran all its lines, false when some must wait for the next start, or throws the job's failure.
 * Used by the job's own thread only.
 */
public final class ChunksInFlight {

    private static final Logger LOG = Logger.getLogger(ChunksInFlight.class.getName());

    private final List<Future<Boolean>> chunks = new ArrayList<>();

    public void add(Future<Boolean> chunk) {
        chunks.add(chunk);
    }

    /** Whether the chunks that ended so far ran all their lines (a failed one is thrown); forgets them. */
    public boolean finishedRan() {
        var ran = true;
        for (var it = chunks.iterator(); it.hasNext(); ) {
            var chunk = it.next();
            if (chunk.isDone()) {
                it.remove();
                ran &= outcome(chunk);
            }
        }
        return ran;
    }

    /** Waits for every chunk; whether they all ran all their lines (the first failure is thrown after). */
    public boolean allRan() {
        var ran = true;
        RuntimeException failure = null;
        for (var chunk : chunks) {
            try {
                ran &= outcome(chunk);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        chunks.clear();
        if (failure != null) {
            throw failure;
        }
        return ran;
    }

    /** Waits for every chunk, whatever its end (the job failed already). */
    public void settle() {
        try {
            allRan();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "another chunk of the failed job failed too", e);
        }
    }

    private static boolean outcome(Future<Boolean> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
