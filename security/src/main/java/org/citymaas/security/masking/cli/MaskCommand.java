package org.citymaas.security.masking.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import org.citymaas.security.masking.control.DepartmentKeys;
import org.citymaas.security.masking.control.PiiScanner;
import org.citymaas.security.masking.control.TextMasker;
import org.citymaas.security.masking.entity.MaskingOperator;
import org.citymaas.security.masking.entity.MaskingPolicy;
import org.citymaas.security.masking.entity.PiiType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reads JSON lines {@code {"text": "..."}} and writes, per line and in order, {@code {"masked":
 * "...", "findings": [{"type": "CN_MOBILE", "start": 12, "end": 23}]}} (offsets are Java String
 * indices into the input text). A line that is not such an object gets {@code {"error": "..."}}
 * in its place, processing goes on, and the exit status is 1. Standard output carries nothing else.
 */
@Command(
        name = "citymaas-mask",
        mixinStandardHelpOptions = true,
        version = "citymaas-mask 0.1",
        description = "Masks Chinese PII in JSON lines {\"text\": ...} read from standard input.")
public final class MaskCommand implements Callable<Integer> {

    static final String SECRET_VARIABLE = "CITYMAAS_MASKING_MASTER_SECRET";

    @Option(
            names = {"-o", "--operator"},
            defaultValue = "partial",
            description = "partial (default), redact, pseudonymize or encrypt; the last two need --department"
                    + " and the base64 master secret in $" + SECRET_VARIABLE + ".")
    String operator;

    @Option(
            names = {"-t", "--type-operator"},
            description = "A different operator for one type, e.g. -t EMAIL=redact; repeatable.")
    Map<PiiType, String> typeOperators = Map.of();

    @Option(
            names = {"-d", "--department"},
            description = "The department (tenant slug) whose keys pseudonymize or encrypt.")
    String department;

    private final InputStream in;
    private final OutputStream out;
    private final Map<String, String> environment;
    private final ObjectMapper mapper = new ObjectMapper();

    MaskCommand(InputStream in, OutputStream out, Map<String, String> environment) {
        this.in = in;
        this.out = out;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Map<String, String> env) {
        var command = new CommandLine(new MaskCommand(in, out, env));
        command.setOut(new java.io.PrintWriter(err, true));
        command.setErr(new java.io.PrintWriter(err, true));
        command.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("citymaas-mask: " + e.getMessage());
            return 2;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        var policy = policy();
        var masker = masker(policy);
        int failed = 0;
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            String result;
            try {
                result = maskLine(masker, policy, line);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                failed++;
                result = mapper.createObjectNode()
                        .put(
                                "error",
                                e instanceof JsonProcessingException j
                                        ? "invalid JSON: " + j.getOriginalMessage()
                                        : e.getMessage())
                        .toString();
            }
            writer.write(result);
            writer.write('\n');
        }
        writer.flush();
        return failed == 0 ? 0 : 1;
    }

    private String maskLine(TextMasker masker, MaskingPolicy policy, String line) throws JsonProcessingException {
        var node = mapper.readTree(line);
        if (node == null || !node.isObject() || !node.path("text").isTextual()) {
            throw new IllegalArgumentException("expected an object with a string field \"text\"");
        }
        var masked = masker.mask(department, node.get("text").asText(), policy);
        ObjectNode result = mapper.createObjectNode().put("masked", masked.masked());
        var findings = result.putArray("findings");
        for (var f : masked.findings()) {
            findings.addObject()
                    .put("type", f.type().name())
                    .put("start", f.start())
                    .put("end", f.end());
        }
        return mapper.writeValueAsString(result);
    }

    private MaskingPolicy policy() {
        var policy = MaskingPolicy.uniform(MaskingOperator.parse(operator));
        for (var entry : typeOperators.entrySet()) {
            policy = policy.with(entry.getKey(), MaskingOperator.parse(entry.getValue()));
        }
        return policy;
    }

    private TextMasker masker(MaskingPolicy policy) {
        boolean keyed = false;
        for (var type : PiiType.values()) {
            var op = policy.operatorFor(type);
            keyed |= op == MaskingOperator.PSEUDONYMIZE || op == MaskingOperator.ENCRYPT;
        }
        if (!keyed) {
            return new TextMasker(new PiiScanner());
        }
        var secret = environment.get(SECRET_VARIABLE);
        if (secret == null || secret.isBlank() || department == null || department.isBlank()) {
            throw new IllegalStateException(
                    "pseudonymize and encrypt need --department and $" + SECRET_VARIABLE + " (base64, 32+ bytes)");
        }
        return new TextMasker(
                new PiiScanner(), new DepartmentKeys(Base64.getDecoder().decode(secret.strip())));
    }
}
