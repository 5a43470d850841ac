package org.citymaas.portal.batch.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code perDepartment} batch chunks of one department in flight at once, whatever its jobs:
 * one department's large file takes its own slots only, so another department's chunks still find
 * theirs (the executor's threads are shared, the slots are not). A slot is taken before a chunk is
 * handed to the executor and given back when it ends.
 */
public final class DepartmentSlots {

    private final int perDepartment;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException fewer than one slot per department */
    public DepartmentSlots(int perDepartment) {
        if (perDepartment < 1) {
            throw new IllegalArgumentException("a department needs at least one slot, not " + perDepartment);
        }
        this.perDepartment = perDepartment;
    }

    public int perDepartment() {
        return perDepartment;
    }

    /**
     * Takes one of the department's slots, waiting at most {@code millis} for one.
     *
     * @return whether it got one (then {@link #release} it once)
     */
    public boolean tryAcquire(String department, long millis) throws InterruptedException {
        return semaphore(department).tryAcquire(millis, TimeUnit.MILLISECONDS);
    }

    public void release(String department) {
        semaphore(department).release();
    }

    /** The department's chunks in flight now. */
    public int inFlight(String department) {
        return perDepartment - semaphore(department).availablePermits();
    }

    private Semaphore semaphore(String department) {
        return slots.computeIfAbsent(department, d -> new Semaphore(perDepartment, true));
    }
}
