package org.citymaas.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citymaas.portal.deploy.KubernetesObjects.ofKind;
import static org.citymaas.portal.deploy.KubernetesObjects.referenceProblems;
import static org.citymaas.portal.deploy.KubernetesObjects.schemaProblems;
import static org.citymaas.portal.deploy.KustomizeSubset.list;
import static org.citymaas.portal.deploy.KustomizeSubset.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/k8s as {@code kubectl apply -k} would send it: rendered, every object valid against the Kubernetes
 * API's schema, the objects consistent with each other, the image and the entrypoint. No cluster is needed.
 */
class ManifestsTest {

    static final Path DOCKER = Path.of(System.getProperty("citymaas.docker.dir", "../docker"));
    static final Path K8S = DOCKER.resolve("k8s");

    @Test
    void everyRenderedObjectIsValidAgainstTheKubernetesSchema() throws Exception {
        var objects = KustomizeSubset.render(K8S);

        assertThat(objects)
                .extracting(o -> o.get("kind"))
                .containsExactlyInAnyOrder(
                        "ConfigMap",
                        "PersistentVolumeClaim",
                        "Deployment",
                        "Service",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "NetworkPolicy");
        assertThat(objects).flatExtracting(KubernetesObjects::schemaProblems).isEmpty();
        assertThat(KustomizeSubset.documents(K8S.resolve("portal-secret.example.yaml")))
                .flatExtracting(KubernetesObjects::schemaProblems)
                .isEmpty();
        assertThat(objects)
                .allMatch(o -> "citymaas".equals(map(o.get("metadata")).get("namespace")));
    }

    @Test
    void theObjectsFitTogetherAndEverySecretTheyUseIsDocumented() throws Exception {
        assertThat(secretsMadeOutside()).containsExactlyInAnyOrder("citymaas-portal", "citymaas-portal-keys");
        assertThat(referenceProblems(KustomizeSubset.render(K8S), secretsMadeOutside()))
                .isEmpty();
    }

    @Test
    void whatTheClusterWouldRefuseIsRefusedHere() throws Exception {
        var objects = KustomizeSubset.render(K8S);
        var pod = podSpec(objects);

        // `optional` is a field of configMap and secret volumes, not of emptyDir
        map(volume(pod, "runtime-cache").get("emptyDir")).put("optional", true);
        var deployment = ofKind(objects, "Deployment").get(0);
        assertThat(schemaProblems(deployment))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("`optional`", "V1EmptyDirVolumeSource");
        map(volume(pod, "runtime-cache").get("emptyDir")).remove("optional");
        assertThat(schemaProblems(deployment)).isEmpty();

        map(deployment.get("spec")).put("replica", 2);
        assertThat(schemaProblems(deployment)).singleElement().asString().contains("`replica`", "V1DeploymentSpec");
        map(deployment.get("spec")).remove("replica");

        container(pod).remove("name");
        assertThat(schemaProblems(deployment)).singleElement().asString().contains("required field `name`");
        container(pod).put("name", "portal");

        map(list(container(pod).get("ports")).get(0)).put("name", "web");
        assertThat(referenceProblems(objects, secretsMadeOutside()))
                .anyMatch(p -> p.contains("readinessProbe uses port `http`"))
                .anyMatch(p -> p.contains("livenessProbe uses port `http`"))
                .anyMatch(p -> p.contains("Service citymaas-portal: targetPort `http`"));

        assertThat(referenceProblems(objects, List.of("citymaas-portal")))
                .contains("Deployment citymaas-portal: Secret citymaas-portal-keys is neither rendered nor made as"
                        + " documented");
    }

    @Test
    void aKustomizationOutsideTheRenderedSubsetIsRefused(@TempDir Path copy) throws Exception {
        try (var files = Files.list(K8S)) {
            for (var file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.writeString(
                copy.resolve("kustomization.yaml"),
                "patches:\n  - path: more-memory.yaml\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> KustomizeSubset.render(copy))
                .hasMessageContaining("uses `patches`, outside the subset");
    }

    @Test
    void rendersWhatKubectlKustomizeRendersWhereKubectlIsInstalled() throws Exception {
        var kubectl = KubectlOnPath.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl != null, "no kubectl on this machine");
        var rendered = KubectlOnPath.kustomize(kubectl, K8S);
        assertThat(byKindAndName(rendered)).isEqualTo(byKindAndName(KustomizeSubset.render(K8S)));
    }

    @Test
    void thePortalRunsAsTheImagesUserAndWritesOnlyOnVolumes() throws Exception {
        var objects = KustomizeSubset.render(K8S);
        var pod = podSpec(objects);
        var podSecurity = map(pod.get("securityContext"));
        var security = map(container(pod).get("securityContext"));
        assertThat(podSecurity).containsEntry("runAsNonRoot", true);
        assertThat(security)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        var user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        assertThat(user.find()).as("the Dockerfile's USER is numeric").isTrue();
        assertThat(podSecurity.get("runAsUser")).hasToString(user.group(1));
        assertThat(podSecurity.get("runAsGroup")).hasToString(user.group(2));

        var settings = map(map(ofKind(objects, "ConfigMap").get(0).get("data")));
        var writable = new ArrayList<String>();
        var readOnly = new ArrayList<String>();
        for (var m : list(container(pod).get("volumeMounts"))) {
            var mount = map(m);
            (Boolean.TRUE.equals(mount.get("readOnly")) ? readOnly : writable).add((String) mount.get("mountPath"));
        }
        for (var directory : List.of(
                "CITYMAAS_MODELS_DIRECTORY",
                "CITYMAAS_AUDIT_PUBLISHED_DIRECTORY",
                "CITYMAAS_AUDIT_ARCHIVE_DIRECTORY",
                "CITYMAAS_RUNTIME_CACHE")) {
            assertThat((String) settings.get(directory))
                    .as(directory + " is on a writable volume")
                    .matches(path -> writable.stream().anyMatch(w -> path.equals(w) || path.startsWith(w + "/")));
        }
        assertThat(writable).as("the JVM's and Payara Micro's temporary files").contains("/tmp");
        assertThat(readOnly).containsExactly((String) settings.get("CITYMAAS_AUDIT_KEY_DIRECTORY"));
    }

    @Test
    void everyVariableTheEntrypointRequiresIsSetAndTheImageTagIsPinned() throws Exception {
        var entrypoint = Files.readString(DOCKER.resolve("portal/entrypoint.sh"));
        var required = Pattern.compile("for name in ([A-Z_ \\\\\\n]+); do").matcher(entrypoint);
        assertThat(required.find()).isTrue();
        var names = List.of(required.group(1).replace("\\", " ").trim().split("\\s+"));
        assertThat(names).contains("CITYMAAS_DB_URL", "CITYMAAS_MASKING_MASTER_SECRET");

        var objects = KustomizeSubset.render(K8S);
        var provided = new ArrayList<String>();
        provided.addAll(map(ofKind(objects, "ConfigMap").get(0).get("data")).keySet());
        provided.addAll(map(KustomizeSubset.documents(K8S.resolve("portal-secret.example.yaml"))
                        .get(0)
                        .get("stringData"))
                .keySet());
        assertThat(provided).containsAll(names);

        var image = (String) container(podSpec(objects)).get("image");
        assertThat(image).matches(".+:[0-9][^:/]*").doesNotEndWith(":latest");
    }

    @Test
    void theImageIsBuiltOnThePayaraReleaseTheTestsRun() throws Exception {
        var pom = Files.readString(DOCKER.resolveSibling("pom.xml"));
        var version =
                Pattern.compile("<payara.version>([^<]+)</payara.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        var from = Pattern.compile("(?m)^FROM (\\S+)").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        assertThat(from.find()).isTrue();
        assertThat(from.group(1))
                .matches("payara/micro:" + Pattern.quote(version.group(1)) + "-jdk17(@sha256:[0-9a-f]{64})?");
    }

    /** The Secrets the example tells how to make: {@code create secret generic <name>}. */
    private static List<String> secretsMadeOutside() throws Exception {
        var made = Pattern.compile("create secret generic ([a-z0-9-]+)")
                .matcher(Files.readString(K8S.resolve("portal-secret.example.yaml")));
        var names = new ArrayList<String>();
        while (made.find()) {
            names.add(made.group(1));
        }
        return names;
    }

    private static Map<String, Object> podSpec(List<Map<String, Object>> objects) {
        return map(map(map(ofKind(objects, "Deployment").get(0).get("spec")).get("template"))
                .get("spec"));
    }

    private static Map<String, Object> container(Map<String, Object> pod) {
        return map(list(pod.get("containers")).get(0));
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return list(pod.get("volumes")).stream()
                .map(KustomizeSubset::map)
                .filter(v -> name.equals(v.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Map<String, Object>> byKindAndName(List<Map<String, Object>> objects) {
        var byName = new LinkedHashMap<String, Map<String, Object>>();
        objects.forEach(o -> byName.put(KubernetesObjects.name(o), o));
        return byName;
    }
}
