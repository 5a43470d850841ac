package org.citymaas.portal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How busy the machine was with work that is not this run's: the machine's busy CPU time ({@code /proc/stat})
 * less the CPU time of this JVM and its child processes (Payara, Keycloak, PostgreSQL), as a share of all
 * cores over a window. A shared build machine's other builds show here, so a slow cell can be told from a
 * busy machine. PostgreSQL's server leaves the process tree ({@code pg_ctl} starts it as a daemon), so it is
 * counted through its {@code postmaster.pid}. A process that ends inside the window counts as someone else's
 * (the portal's database connections are pooled and live long).
 */
final class MachineLoad {

    /** The PostgreSQL server's {@code postmaster.pid}, whose process and children are this run's too. */
    private static volatile Path postmasterPid;

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

    /** Counts the PostgreSQL server of {@code dataDirectory} and its processes as this run's. */
    static void countAsOurs(Path dataDirectory) {
        postmasterPid = dataDirectory.resolve("postmaster.pid");
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
        double total = tree(ProcessHandle.current());
        var pidFile = postmasterPid;
        if (pidFile != null) {
            try (var lines = Files.lines(pidFile)) {
                var pid = Long.parseLong(lines.findFirst().orElseThrow().trim());
                total += ProcessHandle.of(pid).map(MachineLoad::tree).orElse(0.0);
            } catch (IOException | RuntimeException e) {
                // not running (yet): nothing of it to count
            }
        }
        return total;
    }

    private static double tree(ProcessHandle root) {
        double total = cpu(root);
        for (var child : root.descendants().toList()) {
            total += cpu(child);
        }
        return total;
    }

    private static double cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    }
}
