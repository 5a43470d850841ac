package org.citymaas.portal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.KeycloakServer;
import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * The models the bench explains, each sent by its department's service account ({@code <department>-api}):
 * their quotas set as the bench's own model's is, each one's subscription checked ({@code GET /api/v2/models})
 * before its cells, its governed pair measured, and what was found said in the table's note.
 */
final class ExplainTargets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String portalUrl;
    private final KeycloakServer keycloak;
    private final Map<String, String> departments;
    private final Map<String, ModelCard> cards;
    private final Map<String, String> measured = new LinkedHashMap<>();
    private final Map<String, BenchInputs> inputs = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();

    /**
     * @param departments the models to explain and the department of each, in order
     * @param cards each explainable model's card (the default version's)
     */
    ExplainTargets(
            String portalUrl, KeycloakServer keycloak, Map<String, String> departments, Map<String, ModelCard> cards) {
        this.portalUrl = portalUrl;
        this.keycloak = keycloak;
        this.departments = departments;
        this.cards = cards;
    }

    /** As platform admin ({@code admin}'s token): each model's department's monthly quota of it. */
    void setQuotas(PortalApi admin, long quota) throws Exception {
        for (var entry : departments.entrySet()) {
            admin.setQuota(entry.getValue(), entry.getKey(), quota, quota);
        }
    }

    /**
     * Each model's governed pair: the bench's own model's from its cells measured already ({@code http}'s
     * governed infer of 1 row, {@code explain}), every other model's measured now.
     */
    List<ExplainReport.ModelRun> measure(
            List<CellResult> http,
            List<CellResult> explain,
            List<Integer> concurrencies,
            double warmup,
            double seconds,
            String benchModel,
            BenchInputs benchInputs)
            throws Exception {
        var runs = new ArrayList<ExplainReport.ModelRun>();
        for (var entry : departments.entrySet()) {
            try {
                measure(
                        entry.getKey(),
                        entry.getValue(),
                        runs,
                        http,
                        explain,
                        concurrencies,
                        warmup,
                        seconds,
                        benchModel,
                        benchInputs);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // said in the note, not hidden: the other models still count
                findings.add(entry.getKey() + ": not measured, " + e);
            }
        }
        return runs;
    }

    private void measure(
            String model,
            String department,
            List<ExplainReport.ModelRun> runs,
            List<CellResult> http,
            List<CellResult> explain,
            List<Integer> concurrencies,
            double warmup,
            double seconds,
            String benchModel,
            BenchInputs benchInputs)
            throws Exception {
        var api = new PortalApi(portalUrl);
        Runnable token = () -> api.useToken(keycloak.clientCredentialsToken(
                KeycloakDemoRealm.apiClient(department), KeycloakDemoRealm.apiSecret(department)));
        token.run();
        if (!api.subscribedModels().contains(model)) {
            findings.add(model + ": " + KeycloakDemoRealm.apiClient(department)
                    + " is not subscribed to it (GET /api/v2/models), left out");
            return;
        }
        List<CellResult> cells;
        if (model.equals(benchModel)) {
            cells = new ArrayList<>();
            for (var cell : http) {
                if (cell.name().equals(BenchReport.INFER_1) && concurrencies.contains(cell.concurrency())) {
                    cells.add(cell);
                }
            }
            for (var cell : explain) {
                if (concurrencies.contains(cell.concurrency())) {
                    cells.add(cell);
                }
            }
            inputs.put(model, benchInputs);
        } else {
            var modelInputs = BenchInputs.valid(cards.get(model), api.inputNames(model));
            var bodies = new ArrayList<String>();
            for (int k = 0; k < 64; k++) {
                bodies.add(modelInputs.inferBody(k, 1));
            }
            cells = ExplainCells.pair(
                    new ExplainCells.Target(api, token, model, bodies), concurrencies, warmup, seconds);
            inputs.put(model, modelInputs);
        }
        token.run();
        var quota = JSON.readTree(api.quota(model));
        findings.add(String.format(
                Locale.ROOT,
                "%s: %s, subscribed; quota set to 10^12 requests and rows, used after its cells %,d requests,"
                        + " %,d rows",
                model,
                KeycloakDemoRealm.apiClient(department),
                quota.path("requestsUsed").asLong(),
                quota.path("rowsUsed").asLong()));
        measured.put(model, department);
        runs.add(new ExplainReport.ModelRun(
                model, department, cards.get(model).explanation().method(), cells));
    }

    /** The models measured, with their departments (their share keys in-process). */
    Map<String, String> measured() {
        return measured;
    }

    /** Each measured model's held-out rows. */
    Map<String, BenchInputs> inputs() {
        return inputs;
    }

    /** The governed cells of each run with the in-process cells of its model after them. */
    static List<ExplainReport.ModelRun> withRuntime(
            List<ExplainReport.ModelRun> runs, Map<String, List<CellResult>> runtime) {
        var all = new ArrayList<ExplainReport.ModelRun>();
        for (var run : runs) {
            var cells = new ArrayList<>(run.cells());
            cells.addAll(runtime.getOrDefault(run.model(), List.of()));
            all.add(new ExplainReport.ModelRun(run.model(), run.department(), run.method(), cells));
        }
        return all;
    }

    /** What the per-model table's cells are and what was found of each model's department. */
    String note(double seconds, double warmup, double pairSeconds, double pairWarmup, double runtimeSeconds) {
        return String.format(
                Locale.ROOT,
                "Each model's requests as its department's service account, each model's quota set by platform-admin"
                        + " before the run as the bench's own model's is (%s). The bench's own model's cells are"
                        + " those of the table above (%.0f s measured after %.0f s); every other model's %.0f s"
                        + " after %.0f s, both kinds warmed up %.0f s each at concurrency 4 first; in-process %.0f s"
                        + " after 1 s, once the portal had stopped (one held-out row a call, the model's department's"
                        + " share key). Model rows run: an inference's are its request rows, an explanation's the"
                        + " answer's `rows_run` (in-process: the `Explanation`'s `rowsRun`).",
                String.join("; ", findings),
                seconds,
                warmup,
                pairSeconds,
                pairWarmup,
                2 * pairWarmup,
                runtimeSeconds);
    }
}
