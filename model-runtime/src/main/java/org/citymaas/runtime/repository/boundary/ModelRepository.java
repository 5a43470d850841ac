package org.citymaas.runtime.repository.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.ModelRuntimeException;
import org.citymaas.runtime.catalog.boundary.Catalog;
import org.citymaas.runtime.catalog.control.ModelCardCodec;
import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.boundary.ModelRuntime;
import org.citymaas.runtime.inference.entity.InferenceRequest;
import org.citymaas.runtime.inference.entity.ShareKey;
import org.citymaas.runtime.inference.entity.Tensor;
import org.citymaas.runtime.repository.control.CardCheck;
import org.citymaas.runtime.repository.control.SafeUnzip;
import org.citymaas.runtime.repository.entity.StoredVersion;
import org.citymaas.runtime.repository.entity.UploadLimits;

/**
 * Model versions in a directory outside the application: {@code <root>/<model>/<version>/{model-card.json,
 * saved_model/}} and {@code <root>/<model>/model.json}, read as a {@link Catalog}. Uploads are extracted
 * under {@code <root>/.staging/} and moved into place in one rename once their checks passed; a refused
 * upload leaves nothing behind.
 */
public final class ModelRepository {

    private static final Logger LOG = Logger.getLogger(ModelRepository.class.getName());
    private static final String STAGING = ".staging";
    /** The share key the sample inputs of an upload run under. */
    public static final ShareKey CHECKS = ShareKey.of("model-repository-checks");

    private final Path root;
    private final Catalog catalog;
    private final Set<ModelRef> shipped;

    private ModelRepository(Path root, Set<ModelRef> shipped) {
        this.root = root;
        this.catalog = Catalog.fromDirectory(root);
        this.shipped = Set.copyOf(shipped);
    }

    /**
     * Opens the repository in {@code root} (created when missing) and seeds it with the catalog shipped on
     * the classpath: every shipped version that is not there yet is copied in (with its model's {@code
     * model.json} when the model is new); versions already there are never touched, so seeding is
     * idempotent and keeps what platform admins changed.
     *
     * @param seedCache where the shipped catalog is unpacked from the classpath first
     */
    public static ModelRepository open(Path root, Path seedCache) {
        var classpath = Catalog.fromClasspath(seedCache);
        try {
            Files.createDirectories(root.resolve(STAGING));
            seed(classpath, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the model repository " + root, e);
        }
        return new ModelRepository(
                root, classpath.all().stream().map(v -> v.ref()).collect(Collectors.toSet()));
    }

    static void seed(Catalog shipped, Path root) throws IOException {
        for (String model : shipped.modelNames()) {
            Path modelDir = root.resolve(model);
            boolean newModel = !Files.isDirectory(modelDir);
            for (var version : shipped.versions(model)) {
                Path target = modelDir.resolve(version.card().version());
                if (Files.exists(target)) {
                    continue;
                }
                Path tmp = root.resolve(STAGING).resolve("seed-" + UUID.randomUUID());
                copyTree(version.savedModel().getParent(), tmp);
                Files.createDirectories(modelDir);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info(() -> "model repository: seeded " + version.ref());
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    deleteTree(tmp);
                }
            }
            Path modelFile = modelDir.resolve(ModelCardCodec.MODEL_FILE);
            Path shippedModelFile = shipped.root().resolve(model).resolve(ModelCardCodec.MODEL_FILE);
            if (newModel && !Files.exists(modelFile) && Files.exists(shippedModelFile)) {
                Files.copy(shippedModelFile, modelFile);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** Whether the version is one of those shipped with the application (seeded, not uploaded). */
    public boolean shipped(ModelRef version) {
        return shipped.contains(version);
    }

    /** The repository's versions, read again by {@link ModelRuntime#refreshCatalog()}. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * Adds an uploaded version: extracts the archive safely, checks that it is a SavedModel and that its card
     * follows the card schema, puts it in place, and runs the card's sample inputs on the runtime (which must
     * be the one over {@link #catalog()}). Any refusal removes every file of the upload and throws.
     *
     * @throws InvalidModelUploadException the upload is refused, with the reason
     * @throws IllegalStateException the model already has that version
     */
    public StoredVersion add(
            String model, InputStream archive, byte[] cardJson, UploadLimits limits, ModelRuntime runtime) {
        if (!CardCheck.validName(model)) {
            throw new InvalidModelUploadException("bad-model-name", "a model name is lowercase letters, digits and -");
        }
        if (cardJson.length > limits.maxCardBytes()) {
            throw new InvalidModelUploadException(
                    "too-large", "the model card is larger than " + limits.maxCardBytes() + " bytes");
        }
        var checked = CardCheck.check(cardJson, model);
        var card = checked.card();
        Path upload = root.resolve(STAGING).resolve("upload-" + UUID.randomUUID());
        Path target = root.resolve(model).resolve(card.version());
        boolean placed = false;
        try {
            Files.createDirectories(upload);
            Path zip = upload.resolve("archive.zip");
            String sha256 = receive(archive, zip, limits.maxArchiveBytes());
            Path extracted = Files.createDirectory(upload.resolve("files"));
            SafeUnzip.extract(zip, extracted, limits);
            Path savedModel = savedModelIn(extracted);
            Path version = Files.createDirectory(upload.resolve("version"));
            Files.move(savedModel, version.resolve(ModelCardCodec.SAVED_MODEL_DIR));
            Files.write(version.resolve(ModelCardCodec.CARD_FILE), cardJson);
            if (Files.exists(target)) {
                throw new IllegalStateException("model " + model + " already has version " + card.version());
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(version, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                throw new IllegalStateException("model " + model + " already has version " + card.version());
            }
            placed = true;
            runtime.refreshCatalog();
            runSamples(runtime, ModelRef.of(model, card.version()), checked.samples());
            long size = runtime.catalog()
                    .resolve(ModelRef.of(model, card.version()))
                    .sizeBytes();
            return new StoredVersion(card, size, sha256);
        } catch (IOException e) {
            if (placed) {
                remove(model, card.version(), runtime);
                placed = false;
            }
            throw new UncheckedIOException("cannot store the upload", e);
        } catch (RuntimeException e) {
            if (placed) {
                remove(model, card.version(), runtime);
            }
            throw e;
        } finally {
            deleteTree(upload);
        }
    }

    /** Removes a version's files (a refused upload), unloading it. */
    public void remove(String model, String version, ModelRuntime runtime) {
        Path dir = root.resolve(model).resolve(version);
        Path trash = root.resolve(STAGING).resolve("removed-" + UUID.randomUUID());
        try {
            if (Files.exists(dir)) {
                Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        } finally {
            runtime.refreshCatalog();
            deleteTree(trash);
        }
    }

    private static void runSamples(ModelRuntime runtime, ModelRef ref, List<Tensor> samples) {
        try {
            var result = runtime.infer(InferenceRequest.of(CHECKS, ref, samples));
            if (result.outputs().isEmpty()) {
                throw new InvalidModelUploadException(
                        "samples-failed", "the model answered the sample inputs with no output");
            }
        } catch (InvalidModelUploadException e) {
            throw e;
        } catch (ModelRuntimeException e) {
            LOG.info(() -> "model repository: " + ref + " refused: " + e);
            throw new InvalidModelUploadException(
                    "samples-failed",
                    "the model does not load or does not run its card's sample inputs: " + shortMessage(e),
                    e);
        }
    }

    /** The folder holding {@code saved_model.pb}: the archive's root or its one top folder. */
    private static Path savedModelIn(Path extracted) throws IOException {
        if (Files.isRegularFile(extracted.resolve("saved_model.pb"))) {
            return extracted;
        }
        try (Stream<Path> children = Files.list(extracted)) {
            var dirs = children.toList();
            if (dirs.size() == 1
                    && Files.isDirectory(dirs.get(0))
                    && Files.isRegularFile(dirs.get(0).resolve("saved_model.pb"))) {
                return dirs.get(0);
            }
        }
        throw new InvalidModelUploadException(
                "not-a-saved-model",
                "the archive is not a TensorFlow SavedModel: no saved_model.pb at its root or in its one top folder");
    }

    private static String receive(InputStream archive, Path zip, long max) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var in = new DigestInputStream(archive, sha);
                var out = Files.newOutputStream(zip)) {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new InvalidModelUploadException(
                            "too-large", "the SavedModel archive is larger than " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warning(() -> "model repository: could not delete " + dir + ": " + e);
        }
    }

    /** What a runtime failure says, printable and short, for the uploader. */
    private static String shortMessage(Exception e) {
        var m = String.valueOf(e.getMessage()).replaceAll("[^\\x20-\\x7e]", "?");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
