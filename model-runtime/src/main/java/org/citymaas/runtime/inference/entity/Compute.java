package org.citymaas.runtime.inference.entity;

/**
 * The compute one request used, for metering.
 *
 * @param device where it ran, e.g. {@code cpu()} or {@code gpu(0)}
 * @param millis its share of the batch's execution time (apportioned by rows)
 * @param rows the rows it contributed
 * @param batchRows the rows of the whole batch it ran in
 * @param queueMillis how long it waited before its batch started
 */
public record Compute(String device, double millis, int rows, int batchRows, double queueMillis) {

    /**
     * The compute of this and another run of one request (an answer and its explanation's rows): times and rows
     * added, the longer wait kept, the device this one's (both ran on the same runtime).
     */
    public Compute plus(Compute other) {
        return new Compute(
                device,
                millis + other.millis,
                rows + other.rows,
                batchRows + other.batchRows,
                Math.max(queueMillis, other.queueMillis));
    }
}
