package org.citymaas.tenant.quotas.entity;

/**
 * An amount of a month's quota for one department's model: what a lease holds, or what an instance
 * asks for at once.
 *
 * @param requests requests
 * @param rows input rows
 */
public record LeaseBlock(long requests, long rows) {

    public static final LeaseBlock NONE = new LeaseBlock(0, 0);

    public LeaseBlock {
        if (requests < 0 || rows < 0) {
            throw new IllegalArgumentException("a lease block cannot be negative");
        }
    }

    /** Whether it can serve one request of {@code rows} rows. */
    public boolean covers(long rows) {
        return requests >= 1 && this.rows >= rows;
    }
}
