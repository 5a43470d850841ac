package org.citymaas.tenant.quotas.control;

import java.util.Optional;
import org.citymaas.tenant.quotas.entity.LeaseBlock;
import org.citymaas.tenant.quotas.entity.QuotaLimit;

/**
 * How much quota an instance may lease at once: at most the configured block and at most a quarter of
 * what is neither used nor leased, so that near the limit blocks shrink and the last units are not held
 * by one instance while another needs them. When that is too little to serve the request at hand, no
 * block is leased: the request takes an exact reservation instead (one conditional UPDATE, as without
 * leases), and the last units are shared out one by one.
 */
public final class LeaseSizing {

    /** Below this many requests unleased, leasing stops for the month: every reservation is exact. */
    static final int SHARE = 4;

    private LeaseSizing() {}

    /**
     * The block to lease.
     *
     * @param limit the month's limits (none: unlimited, the configured block)
     * @param used what is used (settled or exactly reserved)
     * @param leased what all instances' leases hold together
     * @param configured the most to lease at once
     * @param rows the rows of the request that asks
     * @return the block, or {@link LeaseBlock#NONE} when it could not serve that request
     */
    public static LeaseBlock block(
            Optional<QuotaLimit> limit, LeaseBlock used, LeaseBlock leased, LeaseBlock configured, long rows) {
        var requests = configured.requests();
        var blockRows = configured.rows();
        if (limit.isPresent()) {
            var free = free(limit.get(), used, leased);
            requests = Math.min(requests, free.requests() / SHARE);
            blockRows = Math.min(blockRows, free.rows() / SHARE);
        }
        var block = new LeaseBlock(requests, blockRows);
        return block.covers(rows) ? block : LeaseBlock.NONE;
    }

    /** What is neither used nor leased (never negative: a lowered limit can be below what is used). */
    public static LeaseBlock free(QuotaLimit limit, LeaseBlock used, LeaseBlock leased) {
        return new LeaseBlock(
                Math.max(0, limit.requests() - used.requests() - leased.requests()),
                Math.max(0, limit.rows() - used.rows() - leased.rows()));
    }
}
