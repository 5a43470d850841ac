package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The batch jobs' heartbeat and sweep ({@link BatchLeases}), at start (after the schema migrations) and
 * then every third of the lease's time to live: renews the leases of the jobs this instance runs, then
 * takes the queued or running jobs nobody holds or whose lease expired (a dead instance's, one that
 * paused, one left when every portal stopped) and runs their lines without a result, under their own
 * request ids. Lines of failed jobs that never ran are closed at start (masked, kept as refused): a
 * failed job does not run again. When the portal stops, its jobs are let go for another instance's next
 * sweep. An EJB timer because nothing else in Jakarta EE 10 schedules work without a request.
 */
@Startup
@Singleton
@DependsOn("DatabaseSetup")
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchRecovery {

    private static final Logger LOG = Logger.getLogger(BatchRecovery.class.getName());
    /** Jobs taken per sweep at most: the others are left to the next sweep, this instance's or another's. */
    static final int SWEEP_JOBS = 8;

    @Resource
    TimerService timers;

    @Inject
    BatchJobs jobs;

    @Inject
    BatchRunner runner;

    @Inject
    BatchLeases leases;

    @PostConstruct
    void resume() {
        for (var job : jobs.failedWithOpenLines()) {
            LOG.info(() -> "closing the lines batch " + job.id() + " of " + job.tenant() + " never ran (it failed)");
            runner.closeOpenLinesLater(job);
        }
        sweep();
        var every = leases.heartbeat().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("batch-lease-sweep", false));
    }

    @Timeout
    void beat() {
        try {
            leases.renew();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not renew the batch leases; this instance runs its jobs until they expire",
                    e);
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not look for batch jobs to take over", e);
        }
    }

    private void sweep() {
        var taken = leases.claim(SWEEP_JOBS);
        if (taken.isEmpty()) {
            return;
        }
        var active = jobs.active(taken);
        for (var id : taken) {
            if (active.stream().noneMatch(job -> job.id().equals(id))) {
                leases.release(id); // it ended meanwhile
            }
        }
        for (var job : active) {
            LOG.info(() -> "taking batch " + job.id() + " of " + job.tenant() + " at " + job.doneRows() + "/"
                    + job.totalRows() + " (instance " + leases.instance() + ")");
            runner.start(job, null);
        }
    }

    @PreDestroy
    void stop() {
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not let the batch jobs go; another instance resumes them after the TTL", e);
        }
    }
}
