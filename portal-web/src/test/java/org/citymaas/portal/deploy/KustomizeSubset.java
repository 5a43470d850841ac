package org.citymaas.portal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize that {@code
 * docker/k8s} uses and nothing more: {@code resources} (files of one or more YAML documents), {@code
 * namespace} (set on every object) and {@code images} (name, newName, newTag, digest on every container's
 * image). Any other field is refused, so that the manifests cannot outgrow what the suite checks.
 */
public final class KustomizeSubset {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images");

    private KustomizeSubset() {}

    /** The objects {@code directory/kustomization.yaml} renders, in the order of its resources. */
    public static List<Map<String, Object>> render(Path directory) throws IOException {
        var kustomization = single(directory.resolve("kustomization.yaml"));
        for (var field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("kustomization.yaml uses `" + field
                        + "`, outside the subset this renderer knows (" + FIELDS + ")");
            }
        }
        var objects = new ArrayList<Map<String, Object>>();
        for (var resource : list(kustomization.get("resources"))) {
            var file = directory.resolve((String) resource);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("resource " + resource + " is not a file in " + directory);
            }
            objects.addAll(documents(file));
        }
        var namespace = (String) kustomization.get("namespace");
        for (var object : objects) {
            if (namespace != null) {
                map(object.computeIfAbsent("metadata", k -> new java.util.LinkedHashMap<>()))
                        .put("namespace", namespace);
            }
            for (var image : list(kustomization.get("images"))) {
                retag(object, map(image));
            }
        }
        return objects;
    }

    /** Every YAML document of a file, as maps. */
    public static List<Map<String, Object>> documents(Path file) throws IOException {
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        var found = new ArrayList<Map<String, Object>>();
        for (var document : yaml.loadAll(Files.readString(file))) {
            if (document != null) {
                found.add(map(document));
            }
        }
        return found;
    }

    private static Map<String, Object> single(Path file) throws IOException {
        var documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    private static void retag(Map<String, Object> object, Map<String, Object> image) {
        var spec = map(object.get("spec"));
        var template = spec == null ? null : map(spec.get("template"));
        var podSpec = template == null ? null : map(template.get("spec"));
        if (podSpec == null) {
            return;
        }
        for (var key : List.of("containers", "initContainers")) {
            for (var container : list(podSpec.get(key))) {
                var c = map(container);
                var current = (String) c.get("image");
                if (current != null && imageName(current).equals(image.get("name"))) {
                    var name = (String) image.getOrDefault("newName", imageName(current));
                    var digest = image.get("digest");
                    var tag = image.get("newTag");
                    c.put("image", digest != null ? name + "@" + digest : tag != null ? name + ":" + tag : name);
                }
            }
        }
    }

    /** An image reference without its tag or digest. */
    static String imageName(String image) {
        var at = image.indexOf('@');
        var name = at < 0 ? image : image.substring(0, at);
        var colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
