package org.citymaas.portal.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.IntStream;
import org.citymaas.portal.errors.UnknownModelException;
import org.citymaas.portal.inference.boundary.InferenceGateway;
import org.citymaas.portal.inference.boundary.InferenceRejectedException;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.portal.subscriptions.boundary.Subscriptions;
import org.citymaas.runtime.catalog.entity.FieldSpec;
import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * A model's page: its card and a "try it" form built from the card's input schema, run through the
 * same {@link InferenceGateway} as the API (authorized, validated, masked, quota-checked, metered and
 * audited), with a readable answer or the refusal in the page's language.
 */
@Named
@ViewScoped
public class ModelPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    transient InferenceGateway gateway;

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

    /** Reads the card of the model named in the address, if the department subscribes to it. */
    public void load() {
        if (card != null || name == null) {
            return;
        }
        var caller = currentCaller.get();
        var quota = caller.department().stream()
                .flatMap(d -> subscriptions.quotas(d).stream())
                .filter(q -> q.model().equals(name))
                .findFirst()
                .orElse(null);
        card = CatalogPage.card(gateway, caller, name, quota).orElse(null);
        if (card != null) {
            fields = card.getInputs().stream().filter(f -> !f.isDropped()).toList();
        }
    }

    public void run() {
        var faces = FacesContext.getCurrentInstance();
        var text = text();
        fields.forEach(f -> f.setError(null));
        outputs = List.of();
        requestId = "ui-" + UUID.randomUUID();
        var caller = currentCaller.get();
        try {
            var address = ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
            var answer = gateway.infer(caller, name, null, requestId, body(), address);
            outputs = outputs(
                    JSON.readTree(answer), gateway.authorize(caller, name, null).card());
        } catch (InferenceRejectedException e) {
            refused(faces, text, e);
        } catch (UnknownModelException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("model.notFound"), ""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the gateway answered unreadable JSON", e);
        }
    }

    /** The v2 request of one row: each field as typed (numbers as numbers where they parse). */
    private String body() {
        var root = JSON.createObjectNode();
        var inputs = root.putArray("inputs");
        for (var field : fields) {
            var input = inputs.addObject();
            input.put("name", field.getName());
            input.put("datatype", field.getDatatype());
            var typed = field.getValue() == null ? "" : field.getValue().trim();
            var data = input.putArray("data");
            if (field.isText()) {
                data.add(field.getValue() == null ? "" : field.getValue());
                input.putArray("shape").add(1).add(1);
                continue;
            }
            var parts = field.isVector() ? typed.split("[,，;；\\s]+") : new String[] {typed};
            for (var part : parts) {
                add(data, part, field.isInteger());
            }
            input.putArray("shape").add(1).add(field.getWidth());
        }
        return root.toString();
    }

    private static void add(ArrayNode data, String part, boolean integer) {
        try {
            var number = new BigDecimal(part);
            if (integer && number.stripTrailingZeros().scale() <= 0) {
                data.add(number.longValueExact());
            } else {
                data.add(number.doubleValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            data.add(part); // not a number: the gateway refuses it, naming the field
        }
    }

    private List<OutputView> outputs(JsonNode answer, ModelCard target) {
        var views = new ArrayList<OutputView>();
        for (var output : answer.path("outputs")) {
            var outputName = output.path("name").asText();
            var spec = target.outputs().stream()
                    .filter(f -> f.name().equals(outputName))
                    .findFirst();
            var values = new ArrayList<Double>();
            var texts = new ArrayList<String>();
            output.path("data").forEach(v -> {
                if (v.isNumber()) {
                    values.add(v.doubleValue());
                }
                texts.add(v.isNumber() ? FieldView.number(v.doubleValue()) : v.asText());
            });
            var labels = new ArrayList<String>();
            output.path("parameters").path("labels").forEach(l -> labels.add(l.asText()));
            if (!labels.isEmpty() && values.size() == labels.size()) {
                var order = IntStream.range(0, labels.size())
                        .boxed()
                        .sorted(Comparator.comparing(values::get).reversed())
                        .toList();
                views.add(new OutputView(
                        outputName,
                        null,
                        spec.map(FieldSpec::description).orElse(null),
                        labels.get(order.get(0)),
                        order.stream()
                                .map(i -> labels.get(i) + ": " + FieldView.number(values.get(i)))
                                .toList()));
            } else {
                views.add(new OutputView(
                        outputName,
                        spec.map(FieldSpec::unit).orElse(null),
                        spec.map(FieldSpec::description).orElse(null),
                        String.join(", ", texts),
                        List.of()));
            }
        }
        return views;
    }

    private void refused(FacesContext faces, ResourceBundle text, InferenceRejectedException e) {
        switch (e.status()) {
            case 400 -> {
                if (e.extensions().get("errors") instanceof List<?> errors) {
                    for (var error : errors) {
                        if (error instanceof Map<?, ?> violation) {
                            var field = String.valueOf(violation.get("field"));
                            var rule = String.valueOf(violation.get("rule"));
                            var readable = violation(text, field, rule, String.valueOf(violation.get("message")));
                            fields.stream()
                                    .filter(f -> f.getName().equals(field))
                                    .forEach(f -> f.setError(readable));
                            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, readable, ""));
                        }
                    }
                } else {
                    faces.addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR, text.getString("model.invalid"), e.getMessage()));
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
                                e.getMessage()));
        }
    }

    private String violation(ResourceBundle text, String field, String rule, String message) {
        var spec = card == null
                ? null
                : card.getInputs().stream()
                        .filter(f -> f.getName().equals(field))
                        .findFirst()
                        .orElse(null);
        var key = "model.rule." + rule;
        if (!text.containsKey(key)) {
            return MessageFormat.format(text.getString("model.rule.other"), field, message);
        }
        return MessageFormat.format(
                text.getString(key),
                field,
                spec == null ? "" : spec.getRange(),
                spec == null ? 1 : spec.getWidth(),
                spec == null || spec.getMaxLength() == null ? "" : spec.getMaxLength(),
                spec == null ? "" : spec.getDatatype());
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

    public List<FieldView> getFields() {
        return fields;
    }

    public List<OutputView> getOutputs() {
        return outputs;
    }

    public String getRequestId() {
        return requestId;
    }
}
