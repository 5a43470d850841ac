package org.citymaas.portal.batch.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.portal.batch.entity.BatchLine;

/**
 * How a job's open lines go to the runtime: in chunks of at most {@code size} lines, in the file's
 * order. Each chunk is authorized once, reserved once, run as one runtime request and kept in one
 * transaction; its lines still answer for themselves (request id, usage event, audit event, result).
 */
public final class ChunkPlan {

    /** The fewest and most lines a chunk may be configured to hold. */
    public static final int MIN_SIZE = 1;

    public static final int MAX_SIZE = 1024;

    private ChunkPlan() {}

    /**
     * The lines in chunks of {@code size} (the last one may hold fewer), in order.
     *
     * @throws IllegalArgumentException the size is outside {@link #MIN_SIZE}..{@link #MAX_SIZE}
     */
    public static List<List<BatchLine>> chunks(List<BatchLine> lines, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("a chunk holds " + MIN_SIZE + " to " + MAX_SIZE + " lines, not " + size);
        }
        var chunks = new ArrayList<List<BatchLine>>((lines.size() + size - 1) / size);
        for (int from = 0; from < lines.size(); from += size) {
            chunks.add(List.copyOf(lines.subList(from, Math.min(lines.size(), from + size))));
        }
        return List.copyOf(chunks);
    }
}
