package org.citymaas.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How busy the machine was with work that is not this run's: the machine's busy CPU time ({@code /proc/stat})
 * less the CPU time of this JVM and its child processes (Payara, Keycloak, PostgreSQL), as a share of all
 * cores over a window. A shared build machine's other builds show here, so a slow cell can be told from a
 * busy machine. A child that ends inside the window counts as someone else's (PostgreSQL's connections are
 * pooled and live long).
 */
final class MachineLoad {

    /** The kernel's clock ticks per second ({@code USER_HZ}), 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final double busySeconds;
    private final double ownSeconds;
    private final long nanos;

    private MachineLoad(double busySeconds, double ownSeconds, long nanos) {
        this.busySeconds = busySeconds;
        this.ownSeconds = ownSeconds;
        this.nanos = nanos;
    }

    static MachineLoad now() {
        return new MachineLoad(machineBusySeconds(), ownSeconds(), System.nanoTime());
    }

    /** Percent of all cores that other processes used since {@code start}, NaN where /proc is not readable. */
    double othersPercentSince(MachineLoad start) {
        double wall = (nanos - start.nanos) / 1e9;
        double others = (busySeconds - start.busySeconds) - (ownSeconds - start.ownSeconds);
        return Math.max(0, 100 * others / (wall * Runtime.getRuntime().availableProcessors()));
    }

    private static double machineBusySeconds() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            var cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
            var fields = cpu.trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
            long busy = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double ownSeconds() {
        var self = ProcessHandle.current();
        double total = cpu(self);
        for (var child : self.descendants().toList()) {
            total += cpu(child);
        }
        return total;
    }

    private static double cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    }
}
