package org.citymaas.portal.profiling;

import java.util.List;

/**
 * A layer of the portal's stack that a CPU sample is charged to: the first frame from the top of the
 * stack whose class belongs to a layer names it; frames of the JDK's general classes ({@code java.},
 * {@code sun.}, ...) are charged to their caller. Order matters: the first layer whose prefixes match wins.
 */
enum Layer {
    TOKEN(
            "token check (nimbus-jose-jwt, AccessTokens, bearer sign-in)",
            List.of(
                    "com.nimbusds.",
                    "org.citymaas.security.identity.",
                    "org.citymaas.portal.signin.",
                    "com.github.benmanes.")),
    JSON(
            "JSON (v2 codec, JSON-P/JSON-B)",
            List.of(
                    "org.citymaas.portal.inference.control.V2Codec",
                    "org.citymaas.portal.inference.control.ExplanationCodec",
                    "jakarta.json.",
                    "org.eclipse.parsson.",
                    "org.glassfish.json.",
                    "org.eclipse.yasson.",
                    "com.fasterxml.jackson.")),
    VALIDATION(
            "validation (signature check, hostile characters, Bean Validation)",
            List.of(
                    "org.citymaas.runtime.inference.control.InputValidator",
                    "org.citymaas.runtime.inference.control.ModelInputs",
                    "org.citymaas.runtime.inference.boundary.ValidatedRequest",
                    "org.citymaas.security.input.",
                    "org.hibernate.validator.",
                    "org.citymaas.portal.inference.control.RowCodec")),
    MASKING(
            "masking (PII scan, pseudonyms)",
            List.of("org.citymaas.security.masking.", "org.citymaas.portal.inference.boundary.InputMasking")),
    LEDGER(
            "quota and ledger (leases, usage events, group commit)",
            List.of(
                    "org.citymaas.tenant.quotas.",
                    "org.citymaas.billing.",
                    "org.citymaas.portal.billing.",
                    "org.citymaas.portal.inference.boundary.InferenceLedger",
                    "org.citymaas.portal.inference.boundary.LedgerWriter",
                    "org.citymaas.portal.inference.control.CompletionGroups",
                    "org.citymaas.portal.batch.boundary.ChunkLedger")),
    AUDIT(
            "audit hash chain (digests, signatures, append)",
            List.of(
                    "org.citymaas.security.audit.",
                    "org.citymaas.security.signing.",
                    "org.citymaas.portal.audit.",
                    "org.citymaas.portal.inference.control.RequestDigest",
                    "org.citymaas.portal.inference.control.InputDigests")),
    JDBC("JDBC (PostgreSQL driver)", List.of("org.postgresql.")),
    POOL_JTA(
            "connection pool and JTA transactions",
            List.of(
                    "com.sun.gjc.",
                    "com.sun.enterprise.resource.",
                    "com.sun.enterprise.connectors.",
                    "com.sun.enterprise.transaction.",
                    "com.sun.jts.",
                    "org.glassfish.cdi.transaction.",
                    "org.glassfish.resourcebase.",
                    "jakarta.transaction.")),
    HIBERNATE("Hibernate ORM", List.of("org.hibernate.")),
    RUNTIME(
            "model runtime and TensorFlow",
            List.of("org.citymaas.runtime.", "ai.djl.", "org.tensorflow.", "org.bytedeco.")),
    LOGGING(
            "logging",
            List.of(
                    "java.util.logging.",
                    "com.sun.enterprise.server.logging.",
                    "fish.payara.enterprise.server.logging.",
                    "fish.payara.logging.",
                    "org.glassfish.main.jul.")),
    CDI(
            "CDI (Weld proxies, interceptors)",
            List.of(
                    "org.jboss.weld.",
                    "org.glassfish.weld.",
                    "org.glassfish.cdi.",
                    "jakarta.enterprise.",
                    "jakarta.interceptor.")),
    HTTP(
            "JAX-RS/Jersey, HK2, servlet, web security (JACC) and Grizzly HTTP",
            List.of(
                    "org.glassfish.jersey.",
                    "org.glassfish.grizzly.",
                    "com.sun.grizzly.",
                    "org.glassfish.hk2.",
                    "org.jvnet.hk2.",
                    "jakarta.ws.rs.",
                    "jakarta.servlet.",
                    "org.apache.catalina.",
                    "org.apache.coyote.",
                    "org.apache.tomcat.",
                    "com.sun.enterprise.",
                    "com.sun.web.",
                    "com.sun.jaspic.",
                    "com.sun.faces.",
                    "jakarta.security.",
                    "org.glassfish.web.",
                    "org.glassfish.exousia.",
                    "org.glassfish.soteria.",
                    "fish.payara.",
                    "org.glassfish.")),
    PORTAL("the portal's own code (other steps)", List.of("org.citymaas.")),
    JDK_ONLY("JDK only (no application frame on the stack)", List.of()),
    OTHER("other libraries", List.of());

    private static final List<String> GENERIC =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.proxy.", "com.sun.crypto.");

    final String label;
    private final List<String> prefixes;

    Layer(String label, List<String> prefixes) {
        this.label = label;
        this.prefixes = prefixes;
    }

    /** The layer of one frame's class, or null for a general JDK class (charged to its caller). */
    static Layer ofClass(String type) {
        for (var layer : values()) {
            for (var prefix : layer.prefixes) {
                if (type.startsWith(prefix)) {
                    return layer;
                }
            }
        }
        for (var prefix : GENERIC) {
            if (type.startsWith(prefix)) {
                return null;
            }
        }
        return OTHER;
    }

    /** The frame a stack is charged to (its class's first two package names), or "jdk" when there is none. */
    static String owner(List<String> types) {
        for (var type : types) {
            if (ofClass(type) != null) {
                var parts = type.split("\\.");
                return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
            }
        }
        return "jdk";
    }

    /** The package a stack is charged to (four names deep for CityMaaS, three otherwise), or "jdk". */
    static String ownerPackage(List<String> types) {
        for (var type : types) {
            if (ofClass(type) != null) {
                var parts = type.split("\\.");
                int depth = type.startsWith("org.citymaas.") ? 4 : 3;
                return parts.length > depth ? String.join(".", java.util.Arrays.copyOf(parts, depth)) : type;
            }
        }
        return "jdk";
    }

    /** The method a stack is charged to: the first frame from the top that is not a general JDK class. */
    static String ownerMethod(List<String> types, List<String> methods) {
        for (int i = 0; i < types.size(); i++) {
            if (ofClass(types.get(i)) != null) {
                var method = methods.get(i);
                var dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
                return dot < 0 ? method : method.substring(dot + 1);
            }
        }
        return "jdk";
    }

    /** The layer of a stack, its frames' classes from the top (the running method) down. */
    static Layer ofStack(List<String> types) {
        for (var type : types) {
            var layer = ofClass(type);
            if (layer != null) {
                return layer;
            }
        }
        return JDK_ONLY;
    }
}
