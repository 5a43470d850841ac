package org.citymaas.runtime.catalog.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.citymaas.runtime.ModelNotFoundException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.control.CatalogExtractor;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelCard;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.catalog.entity.ModelVersion;

/**
 * The model catalog: {@code <root>/<model>/<version>/{model-card.json, saved_model/}}, versions side by
 * side, the default named in {@code <root>/<model>/model.json} (else the highest version).
 */
public final class Catalog {

    /** Where the module ships its catalog on the classpath. */
    public static final String CLASSPATH_ROOT = "catalog";

    private final Path root;
    private volatile Map<String, List<ModelVersion>> versions;

    private Catalog(Path root, Map<String, List<ModelVersion>> versions) {
        this.root = root;
        this.versions = versions;
    }

    /** Reads the catalog in a directory. */
    public static Catalog fromDirectory(Path root) {
        return new Catalog(root, read(root));
    }

    /** Reads the directory again: versions added or removed on disk, default versions changed. */
    public void refresh() {
        versions = read(root);
    }

    private static Map<String, List<ModelVersion>> read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ModelRuntimeException("no catalog directory " + root);
        }
        var byName = new TreeMap<String, List<ModelVersion>>();
        try (Stream<Path> models = Files.list(root)) {
            for (Path modelDir : models.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                var found = readVersions(modelDir);
                if (!found.isEmpty()) {
                    byName.put(modelDir.getFileName().toString(), found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byName);
    }

    /**
     * Reads the catalog shipped in this module's jar (or classes folder), unpacked once into {@code
     * cacheDir} because TensorFlow loads SavedModels from files.
     */
    public static Catalog fromClasspath(Path cacheDir) {
        var loader = Catalog.class.getClassLoader();
        return CatalogExtractor.extract(loader, CLASSPATH_ROOT, cacheDir)
                .map(Catalog::fromDirectory)
                .orElseThrow(() -> new ModelRuntimeException("no catalog on the classpath"));
    }

    /** The shipped catalog, unpacked under {@code java.io.tmpdir}. */
    public static Catalog fromClasspath() {
        return fromClasspath(Path.of(System.getProperty("java.io.tmpdir"), "citymaas-catalog"));
    }

    private static List<ModelVersion> readVersions(Path modelDir) throws IOException {
        var cards = new ArrayList<ModelCard>();
        try (Stream<Path> dirs = Files.list(modelDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path card = dir.resolve(ModelCardCodec.CARD_FILE);
                if (Files.exists(card)) {
                    cards.add(ModelCardCodec.read(card));
                }
            }
        }
        cards.sort(Comparator.comparing(ModelCard::version, Catalog::compareVersions));
        if (cards.isEmpty()) {
            return List.of();
        }
        String declared = ModelCardCodec.readDefaultVersion(modelDir);
        String defaultVersion =
                declared != null ? declared : cards.get(cards.size() - 1).version();
        var result = new ArrayList<ModelVersion>();
        for (ModelCard card : cards) {
            Path saved = modelDir.resolve(card.version()).resolve(ModelCardCodec.SAVED_MODEL_DIR);
            result.add(new ModelVersion(card, saved, card.version().equals(defaultVersion), size(saved)));
        }
        return List.copyOf(result);
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+")
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public Path root() {
        return root;
    }

    public List<String> modelNames() {
        return versions.keySet().stream().sorted().toList();
    }

    public List<ModelVersion> versions(String model) {
        return versions.getOrDefault(model, List.of());
    }

    public List<ModelVersion> all() {
        var current = versions;
        return current.keySet().stream()
                .sorted()
                .flatMap(name -> current.get(name).stream())
                .toList();
    }

    public Optional<ModelVersion> find(ModelRef ref) {
        return versions(ref.name()).stream()
                .filter(v -> ref.version() == null
                        ? v.defaultVersion()
                        : v.card().version().equals(ref.version()))
                .findFirst();
    }

    /** The version a reference means; its default version when it names none. */
    public ModelVersion resolve(ModelRef ref) {
        var current = versions;
        return find(ref)
                .orElseThrow(() -> new ModelNotFoundException(
                        current.containsKey(ref.name())
                                ? "model " + ref.name() + " has no version " + ref.version()
                                : "no model " + ref.name() + " in the catalog"));
    }
}
