package org.citymaas.portal.batch.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start (after the schema migrations), resumes the jobs that were queued or running when the
 * portal stopped: their lines without a result run again under their own request ids. Lines of failed
 * jobs that never ran are closed (masked, kept as refused): a failed job does not run again.
 */
@Startup
@Singleton
@DependsOn("DatabaseSetup")
@TransactionManagement(TransactionManagementType.BEAN)
public class BatchRecovery {

    private static final Logger LOG = Logger.getLogger(BatchRecovery.class.getName());

    @Inject
    BatchJobs jobs;

    @Inject
    BatchRunner runner;

    @PostConstruct
    void resume() {
        for (var job : jobs.failedWithOpenLines()) {
            LOG.info(() -> "closing the lines batch " + job.id() + " of " + job.tenant() + " never ran (it failed)");
            runner.closeOpenLinesLater(job);
        }
        for (var job : jobs.unfinished()) {
            LOG.info(() -> "resuming batch " + job.id() + " of " + job.tenant() + " at " + job.doneRows() + "/"
                    + job.totalRows());
            runner.start(job, null);
        }
    }
}
