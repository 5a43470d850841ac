package org.citymaas.portal.deploy;

import static org.citymaas.portal.deploy.KustomizeSubset.list;
import static org.citymaas.portal.deploy.KustomizeSubset.map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks Kubernetes objects offline. Against the API's schema: the Kubernetes Java client's models are
 * generated from the API's OpenAPI document (Kubernetes 1.32 for client-java-api 24), and each model's
 * {@code validateJsonElement} refuses a field the schema does not define (such as {@code optional} under
 * {@code emptyDir}), a missing required field, and an object where a list belongs or the reverse; it does
 * not check number formats or enumerated values. Against each other, what the API server or the kubelet would
 * only find out in the cluster: selectors that match no pod, ports named but not declared, volumes mounted but
 * not defined, references to objects that are not there.
 */
final class KubernetesObjects {

    /** The kinds the manifests may use, by {@code apiVersion/kind}, with the model that validates each. */
    private static final Map<String, Validator> KINDS = Map.of(
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Secret", V1Secret::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "v1/PersistentVolumeClaim", V1PersistentVolumeClaim::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement);

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private KubernetesObjects() {}

    /** What the schema refuses in one object: empty when it is valid. */
    static List<String> schemaProblems(Map<String, Object> object) {
        var key = object.get("apiVersion") + "/" + object.get("kind");
        var validator = KINDS.get(key);
        if (validator == null) {
            return List.of(key + " is not a kind these checks know " + KINDS.keySet());
        }
        try {
            validator.validate(new Gson().toJsonTree(object));
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            return List.of(name(object) + ": " + e.getMessage());
        }
    }

    /** What would break between the objects of one rendering: empty when nothing does. */
    static List<String> referenceProblems(List<Map<String, Object>> objects, List<String> secretsMadeOutside) {
        var problems = new ArrayList<String>();
        for (var deployment : ofKind(objects, "Deployment")) {
            var spec = map(deployment.get("spec"));
            var template = map(spec.get("template"));
            var labels = labels(template);
            var pod = map(template.get("spec"));
            if (!matches(map(map(spec.get("selector")).get("matchLabels")), labels)) {
                problems.add(name(deployment) + ": its selector does not match its pods' labels");
            }
            var volumes = list(pod.get("volumes")).stream()
                    .map(v -> (String) map(v).get("name"))
                    .toList();
            var portNames = new ArrayList<String>();
            for (var c : list(pod.get("containers"))) {
                var container = map(c);
                var declared = list(container.get("ports")).stream()
                        .map(p -> (String) map(p).get("name"))
                        .filter(Objects::nonNull)
                        .toList();
                portNames.addAll(declared);
                for (var probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    var httpGet = container.get(probe) == null
                            ? null
                            : map(map(container.get(probe)).get("httpGet"));
                    if (httpGet != null && httpGet.get("port") instanceof String port && !declared.contains(port)) {
                        problems.add(name(deployment) + ": the " + probe + " uses port `" + port + "`, which container "
                                + container.get("name") + " does not declare");
                    }
                }
                for (var m : list(container.get("volumeMounts"))) {
                    if (!volumes.contains(map(m).get("name"))) {
                        problems.add(name(deployment) + ": volume " + map(m).get("name") + " is mounted, not defined");
                    }
                }
                for (var from : list(container.get("envFrom"))) {
                    var ref = map(from);
                    if (ref.get("configMapRef") != null) {
                        requireObject(objects, "ConfigMap", map(ref.get("configMapRef")), deployment, problems);
                    }
                    if (ref.get("secretRef") != null) {
                        requireSecret(map(ref.get("secretRef")).get("name"), secretsMadeOutside, deployment, problems);
                    }
                }
            }
            for (var v : list(pod.get("volumes"))) {
                var volume = map(v);
                if (volume.get("secret") != null) {
                    requireSecret(
                            map(volume.get("secret")).get("secretName"), secretsMadeOutside, deployment, problems);
                }
                if (volume.get("persistentVolumeClaim") != null) {
                    var claim = map(volume.get("persistentVolumeClaim")).get("claimName");
                    requireObject(objects, "PersistentVolumeClaim", Map.of("name", claim), deployment, problems);
                }
            }
            for (var service : ofKind(objects, "Service")) {
                var serviceSpec = map(service.get("spec"));
                if (!matches(map(serviceSpec.get("selector")), labels)) {
                    problems.add(name(service) + ": its selector matches no pod of " + name(deployment));
                }
                for (var p : list(serviceSpec.get("ports"))) {
                    if (map(p).get("targetPort") instanceof String port && !portNames.contains(port)) {
                        problems.add(name(service) + ": targetPort `" + port + "` is no port of " + name(deployment));
                    }
                }
            }
            for (var budget : ofKind(objects, "PodDisruptionBudget")) {
                if (!matches(map(map(map(budget.get("spec")).get("selector")).get("matchLabels")), labels)) {
                    problems.add(name(budget) + ": its selector matches no pod of " + name(deployment));
                }
            }
            for (var policy : ofKind(objects, "NetworkPolicy")) {
                var policySpec = map(policy.get("spec"));
                if (!matches(map(map(policySpec.get("podSelector")).get("matchLabels")), labels)) {
                    problems.add(name(policy) + ": its podSelector matches no pod of " + name(deployment));
                }
                for (var rule : list(policySpec.get("ingress"))) {
                    for (var p : list(map(rule).get("ports"))) {
                        if (map(p).get("port") instanceof String port && !portNames.contains(port)) {
                            problems.add(name(policy) + ": port `" + port + "` is no port of " + name(deployment));
                        }
                    }
                }
            }
        }
        for (var autoscaler : ofKind(objects, "HorizontalPodAutoscaler")) {
            var target = map(map(autoscaler.get("spec")).get("scaleTargetRef"));
            if (ofKind(objects, (String) target.get("kind")).stream()
                    .noneMatch(o -> map(o.get("metadata")).get("name").equals(target.get("name")))) {
                problems.add(name(autoscaler) + ": it scales " + target.get("kind") + " " + target.get("name")
                        + ", which is not rendered");
            }
        }
        return problems;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return object.get("kind") + " " + map(object.get("metadata")).get("name");
    }

    private static Map<String, Object> labels(Map<String, Object> template) {
        var metadata = map(template.get("metadata"));
        return metadata == null || metadata.get("labels") == null ? Map.of() : map(metadata.get("labels"));
    }

    /** Whether a non-empty selector's labels are all among {@code labels}. */
    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return selector != null
                && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static void requireObject(
            List<Map<String, Object>> objects,
            String kind,
            Map<String, Object> ref,
            Map<String, Object> from,
            List<String> problems) {
        if (ofKind(objects, kind).stream()
                .noneMatch(o -> map(o.get("metadata")).get("name").equals(ref.get("name")))) {
            problems.add(name(from) + ": " + kind + " " + ref.get("name") + " is not rendered");
        }
    }

    private static void requireSecret(
            Object secret, List<String> madeOutside, Map<String, Object> from, List<String> problems) {
        if (!madeOutside.contains(secret)) {
            problems.add(name(from) + ": Secret " + secret + " is neither rendered nor made as documented");
        }
    }
}
