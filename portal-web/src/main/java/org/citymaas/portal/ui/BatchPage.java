package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import org.citymaas.portal.batch.boundary.BatchScoring;
import org.citymaas.portal.batch.entity.BatchLine;
import org.citymaas.portal.errors.InvalidBatchException;
import org.citymaas.portal.errors.UnknownBatchException;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.Explanations;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.input.boundary.HostileCharacters;
import org.primefaces.PrimeFaces;

/**
 * A model's batch page: upload a CSV file, follow its progress (polled), read which lines were
 * refused and why, download the results; and the department's recent batches. The job is in the
 * address ({@code ?name=<model>&job=<id>}), so a reload or a language switch keeps it.
 */
@Named
@ViewScoped
public class BatchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BatchScoring scoring;

    @Inject
    transient Inferences inferences;

    @Inject
    transient Explanations explanations;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String name;
    private String jobId;
    private ModelCardView card;
    private transient Part file;
    private BatchJobView job;
    private List<BatchFailureView> failures = List.of();
    private List<BatchJobView> recent;
    private String problem;
    private boolean explainable;
    private boolean explain;

    /**
     * Reads the model's card (if the department subscribes to it) and the job in the address. A missing or
     * malformed model name or job id answers 400, a model or job the department does not have 404.
     */
    public void load() {
        var model = PageParameter.judge(name, PageParameter.MODEL);
        var jobShape = PageParameter.judge(jobId, PageParameter.JOB);
        problem = model == PageParameter.MISSING
                ? "page.parameter.missing"
                : model == PageParameter.MALFORMED || jobShape == PageParameter.MALFORMED
                        ? "page.parameter.invalid"
                        : null;
        if (problem != null) {
            card = null;
            PageParameter.status(400);
            return;
        }
        if (jobShape == PageParameter.MISSING) {
            jobId = null;
        }
        if (card == null) {
            card = CatalogPage.card(inferences, currentCaller.get(), name, null, language)
                    .orElse(null);
            explainable = card != null && explainable();
        }
        if (card == null) {
            PageParameter.status(404);
            return;
        }
        if (jobId != null && job == null) {
            refresh();
            if (job == null) {
                PageParameter.status(404);
            }
        }
    }

    /** Reads the job's progress again; once it is finished, its refused lines, and stops the polling. */
    public void refresh() {
        try {
            var current = scoring.job(currentCaller.get(), jobId);
            job = new BatchJobView(current);
            recent = null;
            if (job.isFinished()) {
                var text = text();
                failures = scoring.failures(current).stream()
                        .map(line -> new BatchFailureView(line, readable(text, line)))
                        .toList();
                if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
                    PrimeFaces.current().executeScript("PF('batchPoll').stop();");
                }
            }
        } catch (UnknownBatchException e) {
            job = null;
            error(text().getString("batch.notFound"));
        }
    }

    /** Submits the chosen file and shows its job (the address names it). */
    public String upload() {
        var text = text();
        if (file == null || file.getSize() == 0) {
            error(text.getString("batch.noFile"));
            return null;
        }
        var faces = FacesContext.getCurrentInstance();
        var hostile = HostileCharacters.find(file.getSubmittedFileName());
        if (hostile.isPresent()) {
            faces.addMessage(
                    "upload:file",
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            text.getString("batch.fileName") + ": "
                                    + text.getString(
                                            "validation." + hostile.get().rule().messageKey()),
                            ""));
            faces.validationFailed();
            return null;
        }
        var address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
        try (var content = file.getInputStream()) {
            var submitted = scoring.submit(
                    currentCaller.get(), name, file.getSubmittedFileName(), content, address, explain && explainable);
            return "/portal/batch?faces-redirect=true&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&job="
                    + submitted.id();
        } catch (InvalidBatchException e) {
            for (var error : e.errors()) {
                var key = "batch.rule." + error.get("rule");
                error(MessageFormat.format(
                        text.getString(text.containsKey(key) ? key : "batch.rule.other"),
                        error.get("field"),
                        error.get("message")));
            }
        } catch (UnknownModelException e) {
            error(text.getString("model.notFound"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** Why a line was refused, in the page's language: each field at fault, or what its outcome means. */
    private String readable(ResourceBundle text, BatchLine line) {
        if (!line.errors().isEmpty()) {
            return String.join(
                    " ",
                    line.errors().stream()
                            .map(e -> ModelCardView.violation(
                                    card, text, e.get("field"), e.get("rule"), e.get("message")))
                            .toList());
        }
        return switch (line.outcome()) {
            case NOT_SUBSCRIBED -> text.getString("model.notFound");
            case REFUSED_QUOTA -> text.getString("batch.line.quota");
            case REFUSED_BUDGET -> text.getString("batch.line.budget");
            case INVALID -> line.errorMessage();
            default ->
                MessageFormat.format(
                        text.getString("model.failed"), line.outcome().status());
        };
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, ""));
    }

    private ResourceBundle text() {
        return ResourceBundle.getBundle("org.citymaas.portal.ui.Messages", language.getLocale());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getJob() {
        return jobId;
    }

    public void setJob(String jobId) {
        this.jobId = jobId;
    }

    /** The message key of what is wrong with the address (400), or null. */
    public String getProblem() {
        return problem;
    }

    /** The card, or null when the department has no such model. */
    public ModelCardView getCard() {
        return card;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    /** The job in the address, or null. */
    public BatchJobView getCurrent() {
        return job;
    }

    public List<BatchFailureView> getFailures() {
        return failures;
    }

    /** The department's latest batches, newest first. */
    public List<BatchJobView> getRecent() {
        if (recent == null) {
            recent = scoring.recent(currentCaller.get()).stream()
                    .map(BatchJobView::new)
                    .toList();
        }
        return recent;
    }

    /** Whether the version the department runs can be explained: else the form has no "explain" box. */
    private boolean explainable() {
        try {
            return explanations.explainable(inferences.authorize(currentCaller.get(), ModelRef.of(name)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean isExplainable() {
        return explainable;
    }

    /** Whether the upload asks for each line's attribution too. */
    public boolean isExplain() {
        return explain;
    }

    public void setExplain(boolean explain) {
        this.explain = explain;
    }
}
