package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.citymaas.db.migration.Migrations;
import org.citymaas.portal.devstack.TestStack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch that was running when the portal stopped: one line answered, one line charged but its
 * result not yet kept, one line not run. The portal that starts next finishes it, and the line
 * that was charged already runs again under its request id without being charged twice.
 *
 * <p>The only class with a deployment of its own (not the shared one, see {@link PortalDeployment}): the
 * job has to be in the database before a portal starts, and its recovery runs at the start.
 */
@ExtendWith(ArquillianExtension.class)
class BatchRecoveryIT {

    private static final UUID JOB = UUID.randomUUID();
    private static final UUID FAILED = UUID.randomUUID();
    private static final String PHONE = "13912345678";
    private static final String COUNTS = String.join(" ", java.util.Collections.nCopies(24, "500"));

    @ArquillianResource
    URL portal;

    /** Leaves the interrupted job in the database before the portal starts. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        var war = PortalDeployment.war();
        var owner = TestStack.start().database().ownerDataSource();
        Migrations.migrate(owner, Migrations.DEFAULT_APP_ROLE, true);
        try (var connection = owner.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO batch_job (id, tenant_id, caller, caller_sub, caller_kind, model,"
                    + " model_version, file_name, columns, total_rows, status, ok_rows, failed_rows, created_at,"
                    + " started_at) VALUES ('" + JOB + "', 'transport', 'transport-api', 'sub-transport-api',"
                    + " 'SERVICE', 'traffic-flow-forecast', '1', 'left.csv', '[\"recent_counts\", \"hour_of_day\","
                    + " \"day_of_week\", \"is_holiday\", \"precipitation_mm\"]', 3, 'RUNNING', 1, 0, now(), now())");
            for (int line = 2; line <= 4; line++) {
                statement.execute("INSERT INTO batch_row (job_id, line, input, request_id, output, finished_at)"
                        + " VALUES ('" + JOB + "', " + line + ", '{\"recent_counts\": \"" + COUNTS + "\","
                        + " \"hour_of_day\": \"" + line + "\", \"day_of_week\": \"1\", \"is_holiday\": \"0\","
                        + " \"precipitation_mm\": \"0\"}', '" + requestId(line) + "', "
                        + (line == 2
                                ? "'{\"outputs\": [{\"name\": \"vehicles_next_hour\", \"data\": [512.0]}]}', now()"
                                : "NULL, NULL")
                        + ")");
            }
            // a hotline job that failed with one line answered and one never run, its raw complaint still there
            statement.execute("INSERT INTO batch_job (id, tenant_id, caller, caller_sub, caller_kind, model,"
                    + " model_version, file_name, columns, total_rows, status, ok_rows, failed_rows, created_at,"
                    + " started_at, finished_at) VALUES ('" + FAILED + "', 'hotline', 'hotline-api',"
                    + " 'sub-hotline-api', 'SERVICE', 'complaint-routing', '1', 'failed.csv', '[\"text\"]', 2,"
                    + " 'FAILED', 1, 0, now(), now(), now())");
            statement.execute("INSERT INTO batch_row (job_id, line, input, request_id, output, finished_at) VALUES"
                    + " ('" + FAILED + "', 2, '{\"text\": \"路灯坏了\"}', 'batch-" + FAILED + "-2',"
                    + " '{\"outputs\": []}', now()), ('" + FAILED + "', 3, '{\"text\": \"小区门口垃圾没人清理，"
                    + "联系电话" + PHONE + "\"}', 'batch-" + FAILED + "-3', NULL, NULL)");
            statement.execute("INSERT INTO usage_event (tenant_id, request_id, caller, model, model_version, rows,"
                    + " compute_ms, device, outcome, occurred_at, period) VALUES ('transport', '" + requestId(3)
                    + "', 'transport-api', 'traffic-flow-forecast', '1', 1, 0.1, 'cpu', 'OK', now(),"
                    + " date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return war;
    }

    private static String requestId(int line) {
        return "batch-" + JOB + "-" + line;
    }

    @Test
    void theLineAFailedJobNeverRanIsClosedAtStartWithoutItsRawInput() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestDatabase.count(
                                "SELECT count(*) FROM batch_row WHERE job_id = ? AND finished_at IS NULL", FAILED)
                        == 0);

        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_row WHERE job_id = ? AND input::text LIKE ?",
                        FAILED,
                        "%" + PHONE + "%"))
                .as("the raw phone number is gone")
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_row WHERE job_id = ? AND line = 3 AND error_status = 500"
                                + " AND output IS NULL AND input::text LIKE '%垃圾%'",
                        FAILED))
                .as("kept as refused, with its masked text")
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM batch_job WHERE id = ? AND status = 'FAILED' AND failed_rows = 1",
                        FAILED))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id LIKE ?", "batch-" + FAILED + "%"))
                .as("no line of the failed job runs")
                .isZero();
    }

    @Test
    void aJobLeftRunningIsFinishedAtStartChargingNoLineTwice() {
        var token = DemoTokens.serviceToken("transport");
        var url = portal.toString().replaceAll("/$", "") + "/api/v1/batches/" + JOB;

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(url, token).json().get("status").asText().equals("DONE"));

        var job = Http.get(url, token).json();
        assertThat(job.get("okRows").asInt()).as(job.toString()).isEqualTo(3);
        assertThat(job.get("failedRows").asInt()).isZero();
        var results = Http.getAny(url + "/results", token);
        assertThat(BatchScoringIT.dataLines(results.body()))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("2", "3", "4");
        assertThat(BatchScoringIT.dataLines(results.body())).allMatch(line -> line.endsWith(",OK,"));
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId(3)))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM usage_event WHERE request_id = ?", requestId(4)))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE request_id = ? AND summary LIKE '%not charged again%'",
                        requestId(3)))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE request_id = ?", requestId(2)))
                .as("the line answered before the stop does not run again")
                .isZero();
    }
}
