package org.citymaas.portal.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Supplier;
import org.citymaas.portal.inference.boundary.Explanations;
import org.citymaas.portal.inference.boundary.Inferences;
import org.citymaas.portal.inference.control.RowCodec;
import org.citymaas.portal.inference.entity.InferenceOutcome;
import org.citymaas.portal.inference.entity.TensorRequest;
import org.citymaas.portal.problems.InferenceAnswers;
import org.citymaas.portal.problems.Problem;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.entity.CardText;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.security.identity.entity.Caller;

/**
 * A model's page: its card and a "try it" form built from the card's input schema, run through the
 * same use case as the API ({@link Inferences}: authorized, validated, masked, quota-checked, metered
 * and audited), with a readable answer or the refusal, as the API would answer it, in the page's language;
 * for a version that can be explained, "explain" runs it through {@code /explain}'s use case
 * ({@link Explanations}) and draws the answer's attribution ({@link AttributionChart}).
 */
@Named
@ViewScoped
public class ModelPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Inferences inferences;

    @Inject
    transient Explanations explanations;

    @Inject
    transient Subscriptions subscriptions;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    Language language;

    private String name;
    private ModelCardView card;
    private List<FieldView> fields = List.of();
    private List<OutputView> outputs = List.of();
    private String requestId;
    private String problem;
    private boolean explainable;
    private AttributionChart chart;

    /**
     * Reads the card of the model named in the address, if the department subscribes to it; a missing or
     * malformed name answers 400, a model the department does not have 404, each with its message.
     */
    public void load() {
        if (card != null) {
            return;
        }
        problem = switch (PageParameter.judge(name, PageParameter.MODEL)) {
            case MISSING -> "page.parameter.missing";
            case MALFORMED -> "page.parameter.invalid";
            case WELL_FORMED -> null;
        };
        if (problem != null) {
            PageParameter.status(400);
            return;
        }
        var caller = currentCaller.get();
        var quota = caller.department().stream()
                .flatMap(d -> subscriptions.quotas(d).stream())
                .filter(q -> q.model().equals(name))
                .findFirst()
                .orElse(null);
        card = CatalogPage.card(inferences, caller, name, quota, language).orElse(null);
        if (card != null) {
            fields = card.getInputs().stream().filter(f -> !f.isDropped()).toList();
            explainable = explainable(caller);
        } else {
            PageParameter.status(404);
        }
    }

    /** Whether the version the department runs can be explained: else the page has no "explain" button. */
    private boolean explainable(Caller caller) {
        try {
            return explanations.explainable(inferences.authorize(caller, ModelRef.of(name)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void run() {
        answer(false);
    }

    /** Runs the form's row through {@code /explain}'s use case: the answer and its attribution chart. */
    public void explain() {
        answer(explainable);
    }

    private void answer(boolean explain) {
        var faces = FacesContext.getCurrentInstance();
        var text = text();
        fields.forEach(f -> f.setError(null));
        outputs = List.of();
        chart = null;
        requestId = "ui-" + UUID.randomUUID();
        var caller = currentCaller.get();
        var cells = fields.stream().map(FieldView::cell).toList();
        try {
            var address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
            Supplier<TensorRequest> row = () -> RowCodec.tensors(cells);
            InferenceOutcome outcome;
            if (explain) {
                var explained = explanations.explain(caller, ModelRef.of(name), requestId, row, address);
                outcome = explained.answer();
                chart = AttributionChart.of(explained);
            } else {
                outcome = inferences.infer(caller, ModelRef.of(name), requestId, row, address);
            }
            outputs = outputs(outcome, outcome.card().text(language.cardLanguage()));
        } catch (RuntimeException e) {
            refused(faces, text, InferenceAnswers.problem(e).orElseThrow(() -> e));
        }
    }

    private static List<OutputView> outputs(InferenceOutcome outcome, CardText text) {
        var views = new ArrayList<OutputView>();
        for (var output : RowCodec.outputs(outcome)) {
            var spec = outcome.card().outputs().stream()
                    .filter(f -> f.name().equals(output.name()))
                    .findFirst();
            if (output.classified()) {
                views.add(new OutputView(
                        output.name(),
                        null,
                        spec.map(f -> text.output(f.name())).orElse(null),
                        output.topLabel(),
                        output.ranking().stream()
                                .map(i -> output.labels().get(i) + ": "
                                        + FieldView.number(output.values().get(i)))
                                .toList()));
            } else {
                var texts = output.values().size() == output.texts().size()
                        ? output.values().stream().map(FieldView::number).toList()
                        : output.texts();
                views.add(new OutputView(
                        output.name(),
                        spec.map(FieldSpec::unit).orElse(null),
                        spec.map(f -> text.output(f.name())).orElse(null),
                        String.join(", ", texts),
                        List.of()));
            }
        }
        return views;
    }

    /** A refusal or failure, said as the API answers it (the same problem), in the page's language. */
    private void refused(FacesContext faces, ResourceBundle text, Problem e) {
        switch (e.status()) {
            case 400 -> {
                if (e.extensions().get("errors") instanceof List<?> errors) {
                    for (var error : errors) {
                        if (error instanceof Map<?, ?> violation) {
                            var field = String.valueOf(violation.get("field"));
                            var rule = String.valueOf(violation.get("rule"));
                            var readable = ModelCardView.violation(
                                    card, text, field, rule, String.valueOf(violation.get("message")));
                            fields.stream()
                                    .filter(f -> f.getName().equals(field))
                                    .forEach(f -> f.setError(readable));
                            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, readable, ""));
                        }
                    }
                } else {
                    faces.addMessage(
                            null,
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("model.invalid"), e.detail()));
                }
            }
            case 404 ->
                faces.addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("model.notFound"), ""));
            case 429 ->
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_WARN,
                                MessageFormat.format(
                                        text.getString("model.quota"),
                                        ModelCardView.CITY_TIME.format(Instant.parse(
                                                String.valueOf(e.extensions().get("resetsAt"))))),
                                ""));
            default ->
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR,
                                MessageFormat.format(text.getString("model.failed"), e.status()),
                                e.detail()));
        }
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

    /** The card, or null when the department has no such model (unknown and unsubscribed look alike). */
    public ModelCardView getCard() {
        return card;
    }

    /** The message key of what is wrong with the address (400), or null. */
    public String getProblem() {
        return problem;
    }

    public List<FieldView> getFields() {
        return fields;
    }

    public List<OutputView> getOutputs() {
        return outputs;
    }

    public String getRequestId() {
        return requestId;
    }

    /** Whether the form offers "explain" (the version's card has an explanation method). */
    public boolean isExplainable() {
        return explainable;
    }

    /** The attribution of the last answer, when it was explained; else null. */
    public AttributionChart getChart() {
        return chart;
    }
}
