package org.citymaas.portal.batch.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.citymaas.portal.audit.boundary.AuditTrail;
import org.citymaas.portal.batch.control.BatchAttributions;
import org.citymaas.portal.batch.control.BatchCsv;
import org.citymaas.portal.batch.control.BatchResults;
import org.citymaas.portal.batch.entity.BatchJob;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.batch.entity.BatchStatus;
import org.citymaas.portal.errors.ExpiredBatchException;
import org.citymaas.portal.errors.InvalidBatchException;
import org.citymaas.portal.errors.ModelNotExplainableException;
import org.citymaas.portal.errors.UnknownBatchException;
import org.citymaas.portal.inference.boundary.Explanations;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.identity.entity.Caller;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Batch scoring for a department's staff: submit a CSV file for a model the department subscribes
 * to, follow its progress, fetch its results as CSV. A department sees only its own jobs (any other
 * id answers 404, as an unknown one does); a file refused as a whole keeps nothing.
 */
@ApplicationScoped
public class BatchScoring {

    private static final int RECENT = 20;

    @Inject
    Inferences inferences;

    @Inject
    Explanations explanations;

    @Inject
    Catalog catalog;

    @Inject
    BatchJobs jobs;

    @Inject
    BatchRunner runner;

    @Inject
    BatchRetention retention;

    @Inject
    @ConfigProperty(name = "citymaas.batch.max-rows", defaultValue = "10000")
    int maxRows;

    @Inject
    @ConfigProperty(name = "citymaas.batch.max-bytes", defaultValue = "5242880")
    int maxBytes;

    private final Clock clock = Clock.systemUTC();

    /**
     * Checks the file against the model's inputs, stores the job with its lines (audited) and starts
     * it.
     *
     * @throws org.citymaas.tenant.errors.NotSubscribedException the department has no such model (also
     *     {@link org.citymaas.portal.errors.UnknownModelException})
     * @throws InvalidBatchException the file is refused; nothing was kept
     */
    public BatchJob submit(Caller caller, String model, String fileName, InputStream content, String clientAddress) {
        return submit(caller, model, fileName, content, clientAddress, false);
    }

    /**
     * As {@link #submit(Caller, String, String, InputStream, String)}; with {@code explain}, each line is
     * explained too (its results carry the attribution of its answer, and it is metered as an explanation).
     *
     * @throws ModelNotExplainableException explanations asked of a version that cannot be explained; nothing kept
     */
    public BatchJob submit(
            Caller caller, String model, String fileName, InputStream content, String clientAddress, boolean explain) {
        HostileCharacters.find(fileName).ifPresent(h -> {
            throw new InvalidBatchException(
                    400,
                    "the file name " + h.message(),
                    List.of(InvalidBatchException.error("fileName", h.rule().rule(), "the file name " + h.message())));
        });
        var target = inferences.authorize(caller, ModelRef.of(model));
        if (explain && !explanations.explainable(target)) {
            throw new ModelNotExplainableException(
                    model, target.card().version(), "explanations were asked for each line");
        }
        var file = BatchCsv.read(read(content), target.card().inputs(), maxRows);
        var job = new BatchJob(
                UUID.randomUUID(),
                caller.tenant(),
                caller.name(),
                caller.subject(),
                caller.kind(),
                model,
                target.card().version(),
                fileName(fileName),
                file.columns(),
                file.lines().size(),
                BatchStatus.QUEUED,
                0,
                0,
                clock.instant(),
                null,
                null,
                null,
                explain);
        var submitted = AuditTrail.by(caller)
                .action("batch.submit")
                .resource(AuditTrail.resourcePath("models/" + model + "/batches/" + job.id()))
                .clientAddress(clientAddress)
                .outcome("OK", 202)
                // not the file's name: people name files after people, and the audit trail keeps no personal data
                .summary(job.totalRows() + " lines, version " + job.version() + (explain ? ", explained" : ""))
                .build();
        jobs.create(job, file.lines(), submitted);
        runner.start(job, clientAddress);
        return job;
    }

    /** The department's job with this id. */
    public BatchJob job(Caller caller, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownBatchException("there is no batch '" + id + "'");
        }
        return caller.department()
                .flatMap(tenant -> jobs.find(tenant, uuid))
                .orElseThrow(() -> new UnknownBatchException("your department has no batch '" + id + "'"));
    }

    /** The lines of a job that were refused or failed, in the file's order. */
    public List<BatchLine> failures(BatchJob job) {
        return jobs.refusedLines(job.id());
    }

    /**
     * The results file of the department's job (lines still running say PENDING).
     *
     * @throws ExpiredBatchException retention deleted the job's lines, and so its results
     */
    public String results(Caller caller, String id) {
        var job = job(caller, id);
        if (job.purged()) {
            throw new ExpiredBatchException(job.id(), job.purgedAt(), retention.period());
        }
        var outputs = catalog.versions(job.model()).stream()
                .filter(v -> v.card().version().equals(job.version()))
                .findFirst()
                .map(v -> v.card().outputs())
                .orElse(List.of());
        var explained = job.explain()
                ? catalog.versions(job.model()).stream()
                        .filter(v -> v.card().version().equals(job.version()))
                        .findFirst()
                        .map(v -> BatchAttributions.columns(v.card()))
                        .orElse(List.of())
                : List.<String>of();
        return BatchResults.write(job.columns(), outputs, explained, jobs.lines(job.id(), true));
    }

    /** A file to start from for a model the department subscribes to. */
    public String template(Caller caller, String model) {
        return BatchCsv.template(
                inferences.authorize(caller, ModelRef.of(model)).card().inputs());
    }

    /** The department's latest jobs, newest first. */
    public List<BatchJob> recent(Caller caller) {
        return caller.department().map(t -> jobs.recent(t, RECENT)).orElse(List.of());
    }

    private byte[] read(InputStream content) {
        if (content == null) {
            return new byte[0];
        }
        try (content) {
            var bytes = content.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new InvalidBatchException(
                        413,
                        "the file is larger than " + maxBytes + " bytes",
                        List.of(InvalidBatchException.error(
                                "file", "maxBytes", "the file is larger than " + maxBytes + " bytes")));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name to show for the file: its last path segment, at most 200 characters. */
    static String fileName(String given) {
        var name = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").strip();
        if (name.isEmpty()) {
            return "batch.csv";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
