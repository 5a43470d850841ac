package org.citymaas.portal.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.citymaas.portal.devstack.KeycloakDemoRealm;
import org.citymaas.portal.devstack.KeycloakServer;

/**
 * {@code PortalBench}: starts the stack ({@link BenchStack}), raises the department's quota, warms up, runs
 * each HTTP cell (authenticated no-op, governed infer with 1 and with 64 rows, at each concurrency) and one
 * CSV batch, stops the portal, measures the runtime in-process on the same SavedModel, prints the Markdown
 * table and the goal figures and writes them to {@code <bench.work>/result.md}. System properties:
 * {@code bench.seconds} (measured seconds per cell, default 8), {@code bench.warmup} (seconds before each
 * cell, default 2), {@code bench.concurrency} (default 1,16,64), {@code bench.batch.lines} (default 10000),
 * {@code bench.batch.timeout} (seconds, default 400), {@code bench.runtime.seconds} (default 3),
 * {@code bench.model} (default traffic-flow-forecast), {@code bench.department} (default transport),
 * {@code bench.work} (default target/portal-bench), {@code citymaas.war}, {@code citymaas.work}. Explanations
 * ({@link ExplainModels}): governed explain of 1 row of the bench's model at each concurrency, after the CSV
 * batch (shown after the governed infer cells), then per explainable model governed infer and explain of 1 row
 * and the runtime's in-process infer and explain: {@code bench.explain.models} (all, none or a list; default
 * all), {@code bench.explain.departments} ({@code model:department,...}; default the demo data's),
 * {@code bench.explain.concurrency} (default 1,16), {@code bench.explain.seconds} (default 5),
 * {@code bench.explain.warmup} (default 1).
 */
public final class PortalBench {

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "8"));
    private static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", "2"));
    private static final List<Integer> CONCURRENCY =
            ClosedLoop.concurrencies(System.getProperty("bench.concurrency", "1,16,64"));
    private static final int BATCH_LINES = Integer.getInteger("bench.batch.lines", 10_000);
    private static final long BATCH_TIMEOUT_S = Long.getLong("bench.batch.timeout", 400);
    private static final double RUNTIME_SECONDS = Double.parseDouble(System.getProperty("bench.runtime.seconds", "3"));
    private static final String MODEL = System.getProperty("bench.model", "traffic-flow-forecast");
    private static final String DEPARTMENT = System.getProperty("bench.department", "transport");
    private static final String EXPLAIN_MODELS = System.getProperty("bench.explain.models", "all");
    private static final String EXPLAIN_DEPARTMENTS = System.getProperty("bench.explain.departments", "");
    private static final List<Integer> EXPLAIN_CONCURRENCY =
            ClosedLoop.concurrencies(System.getProperty("bench.explain.concurrency", "1,16"));
    private static final double EXPLAIN_SECONDS = Double.parseDouble(System.getProperty("bench.explain.seconds", "5"));
    private static final double EXPLAIN_WARMUP = Double.parseDouble(System.getProperty("bench.explain.warmup", "1"));
    /** Far above what any run sends: the quota is set, not left to whatever the demo data says. */
    private static final long QUOTA = 1_000_000_000_000L;

    private PortalBench() {}

    public static void main(String[] args) throws Exception {
        var work =
                Path.of(System.getProperty("bench.work", "target/portal-bench")).toAbsolutePath();
        var war = Path.of(System.getProperty("citymaas.war", "target/citymaas.war"));
        var payaraJar = Path.of(System.getProperty("citymaas.work", "../.work")).resolve("payara-micro.jar");
        var started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<CellResult> http = new ArrayList<>();
        List<CellResult> explain = new ArrayList<>();
        List<CellResult> runtime;
        BatchResult batch;
        String database;
        String quotaNote;
        String explainNote;
        List<ExplainReport.ModelRun> explained;
        try (var stack = BenchStack.start(work, payaraJar, war)) {
            var api = new PortalApi(stack.portalUrl());
            var keycloak = stack.keycloak();
            var cards = ExplainModels.explainable(stack.modelsDirectory());
            var departments = ExplainModels.departments(
                    ExplainModels.select(EXPLAIN_MODELS, List.copyOf(cards.keySet())),
                    EXPLAIN_DEPARTMENTS,
                    MODEL,
                    DEPARTMENT);
            api.useToken(keycloak.userToken("platform-admin", KeycloakDemoRealm.password("platform-admin")));
            api.setQuota(DEPARTMENT, MODEL, QUOTA, QUOTA);
            var explainers = new ExplainTargets(stack.portalUrl(), keycloak, departments, cards);
            explainers.setQuotas(api, QUOTA);
            departmentToken(api, keycloak);
            var inputs = BenchInputs.of(MODEL, api.inputNames(MODEL));
            var one = new ArrayList<String>();
            var sixtyFour = new ArrayList<String>();
            for (int k = 0; k < 64; k++) {
                one.add(inputs.inferBody(k, 1));
                sixtyFour.add(inputs.inferBody(k * 64, 64));
            }
            BenchStack.step("warming up (each kind of request for " + 3 * WARMUP + " s at concurrency 4)");
            for (int rows : new int[] {0, 1, 64}) {
                cell(api, keycloak, rows, 4, 3 * WARMUP, 0.1, one, sixtyFour);
            }
            for (int rows : new int[] {0, 1, 64}) {
                for (int c : CONCURRENCY) {
                    var result = cell(api, keycloak, rows, c, WARMUP, SECONDS, one, sixtyFour);
                    BenchStack.step(String.format(
                            Locale.ROOT,
                            "%s at %d: %,.1f req/s, p50 %.2f ms, non-2xx %s",
                            result.name(),
                            c,
                            result.requestsPerSecond(),
                            result.millis(50),
                            result.refusedText()));
                    http.add(result);
                }
            }
            departmentToken(api, keycloak);
            try {
                batch = BatchCell.run(
                        api, () -> departmentToken(api, keycloak), MODEL, inputs, BATCH_LINES, BATCH_TIMEOUT_S);
            } catch (Exception e) {
                // shown in the table, not hidden: the other cells still count
                batch = new BatchResult(BATCH_LINES, "error: " + e, 0, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            BenchStack.step(String.format(Locale.ROOT, "CSV batch: %s", batch));
            if (departments.containsKey(MODEL)) {
                var target = new ExplainCells.Target(api, () -> departmentToken(api, keycloak), MODEL, one);
                explain.addAll(ExplainCells.explain(target, CONCURRENCY, WARMUP, SECONDS));
            }
            explained = explainers.measure(
                    http, explain, EXPLAIN_CONCURRENCY, EXPLAIN_WARMUP, EXPLAIN_SECONDS, MODEL, inputs);
            explainNote = explainers.note(SECONDS, WARMUP, EXPLAIN_SECONDS, EXPLAIN_WARMUP, RUNTIME_SECONDS);
            departmentToken(api, keycloak);
            quotaNote = "Quota of " + DEPARTMENT + " for " + MODEL + " set to " + QUOTA
                    + " requests and rows a month by platform-admin (PUT /api/v1/tenants/" + DEPARTMENT + "/quotas/"
                    + MODEL + ") before the run; after it: " + api.quota(MODEL);
            database = stack.databaseSettings();
            BenchStack.step("stopping the portal; the runtime in-process on the same SavedModel");
            stack.stopPortal();
            runtime = RuntimeFigure.measure(
                    stack.modelsDirectory(),
                    stack.catalogCache(),
                    MODEL,
                    inputs,
                    List.of(1, 64),
                    CONCURRENCY,
                    1,
                    RUNTIME_SECONDS);
            explained = ExplainTargets.withRuntime(
                    explained,
                    RuntimeExplainFigure.measure(
                            stack.modelsDirectory(),
                            stack.catalogCache(),
                            explainers.measured(),
                            explainers.inputs(),
                            EXPLAIN_CONCURRENCY,
                            1,
                            RUNTIME_SECONDS));
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        var machine = String.format(
                Locale.ROOT,
                "Machine: %d cores (%s), Java %s (%s), %s; load average (1 min) %.2f at the start, %.2f at the end (this run's own load included). %s."
                        + " Payara Micro -Xmx768m with the demo data, Keycloak with the demo realm, the load generator"
                        + " and the in-process runtime in one more JVM, all on this machine. Closed loop: %.0f s"
                        + " measured per cell after %.0f s of warm-up; latencies of 2xx answers only. Model %s,"
                        + " department %s (service account %s). %s.",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                os.getName() + " " + os.getVersion(),
                loadBefore,
                os.getSystemLoadAverage(),
                database,
                SECONDS,
                WARMUP,
                MODEL,
                DEPARTMENT,
                KeycloakDemoRealm.apiClient(DEPARTMENT),
                quotaNote);
        var report = BenchReport.markdown(
                        "Portal benchmark, " + started
                                + " (`./mvnw -B -pl portal-web -am -Pportal-bench package -DskipTests`)",
                        machine,
                        http,
                        explain,
                        runtime,
                        batch)
                + "\n" + ExplainReport.markdown(explainNote, explained);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(work);
        Files.writeString(work.resolve("result.md"), report);
        System.out.println("[bench] written to " + work.resolve("result.md"));
        System.exit(0);
    }

    /** rows 0: the no-op; else infer with that many rows. */
    private static CellResult cell(
            PortalApi api,
            KeycloakServer keycloak,
            int rows,
            int concurrency,
            double warmup,
            double seconds,
            List<String> one,
            List<String> sixtyFour)
            throws InterruptedException {
        departmentToken(api, keycloak);
        var client = PortalApi.newClient();
        var next = new AtomicInteger();
        if (rows == 0) {
            return ClosedLoop.run(BenchReport.NOOP, concurrency, 0, warmup, seconds, () -> () -> api.live(client));
        }
        var bodies = rows == 1 ? one : sixtyFour;
        return ClosedLoop.run(
                rows == 1 ? BenchReport.INFER_1 : BenchReport.INFER_64,
                concurrency,
                rows,
                warmup,
                seconds,
                () -> () -> api.infer(client, MODEL, bodies.get(next.getAndIncrement() & 63)));
    }

    private static void departmentToken(PortalApi api, KeycloakServer keycloak) {
        api.useToken(keycloak.clientCredentialsToken(
                KeycloakDemoRealm.apiClient(DEPARTMENT), KeycloakDemoRealm.apiSecret(DEPARTMENT)));
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("cpu unknown");
        } catch (Exception e) {
            return "cpu unknown";
        }
    }
}
