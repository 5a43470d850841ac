package org.citymaas.portal.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The stored form of one {@link BatchLine} (table {@code batch_row}), keyed by its job and line
 * number. It is created waiting to run; it is finished once, by a conditional bulk update in
 * {@code BatchJobs} ({@code finishedAt IS NULL}), and deleted by retention, so it has no setters.
 * {@code input}, {@code output} and {@code errors} are JSON text in jsonb columns, mapped as JSON in
 * {@code META-INF/orm.xml}.
 */
@Entity
@Table(name = "batch_row")
@IdClass(BatchRowRecord.Key.class)
public class BatchRowRecord {

    @Id
    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Id
    @Column(nullable = false, updatable = false)
    private int line;

    private String input;

    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

    private String output;

    @Column(name = "error_status")
    private Integer errorStatus;

    @Column(name = "error_message")
    private String errorMessage;

    private String errors;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BatchRowRecord() {}

    /**
     * A line waiting to run.
     *
     * @param inputJson its cells by column name, as a JSON object
     */
    public BatchRowRecord(UUID jobId, int line, String inputJson, String requestId) {
        if (line < 2) {
            throw new IllegalArgumentException("line 1 is the header; data lines start at 2");
        }
        this.jobId = Objects.requireNonNull(jobId);
        this.line = line;
        this.input = Objects.requireNonNull(inputJson);
        this.requestId = Objects.requireNonNull(requestId);
    }

    public int line() {
        return line;
    }

    /** The cells by column name, as a JSON object. */
    public String inputJson() {
        return input;
    }

    /** The answer's outputs as JSON, or null unless the line was answered. */
    public String outputJson() {
        return output;
    }

    /** The status of a refusal or failure, or null. */
    public Integer errorStatus() {
        return errorStatus;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The fields at fault as a JSON array, or null. */
    public String errorsJson() {
        return errors;
    }

    /** The key of a line: its job and its line number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private UUID jobId;
        private int line;

        protected Key() {}

        public Key(UUID jobId, int line) {
            this.jobId = jobId;
            this.line = line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && line == key.line && Objects.equals(jobId, key.jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, line);
        }
    }
}
