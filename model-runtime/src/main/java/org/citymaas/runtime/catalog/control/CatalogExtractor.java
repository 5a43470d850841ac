package org.citymaas.runtime.catalog.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Copies a catalog shipped as classpath resources to a directory. The resource {@code <root>/index.txt}
 * lists every file as {@code <content digest> <path>} (a jar cannot be listed portably); the target folder is named after the index's
 * digest, so a new catalog never mixes with an old extraction and an unchanged one is reused.
 */
public final class CatalogExtractor {

    public static final String INDEX = "index.txt";

    private CatalogExtractor() {}

    public static Optional<Path> extract(ClassLoader loader, String root, Path cacheDir) {
        var index = read(loader, root + "/" + INDEX);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        var files = index.get()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(l -> l.substring(l.indexOf(' ') + 1))
                .toList();
        Path target = cacheDir.resolve("catalog-" + digest(index.get()));
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return Optional.of(target);
        }
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempDirectory(cacheDir, "extract");
            copy(loader, root, files, tmp);
            Files.createFile(tmp.resolve(".complete"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(done)) {
                    throw raced;
                }
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the catalog to " + cacheDir, e);
        }
    }

    private static void copy(ClassLoader loader, String root, List<String> files, Path tmp) throws IOException {
        for (String file : files) {
            Path to = tmp.resolve(file).normalize();
            if (!to.startsWith(tmp)) {
                throw new IOException("catalog index names a path outside the catalog: " + file);
            }
            Files.createDirectories(to.getParent());
            try (InputStream in = loader.getResourceAsStream(root + "/" + file)) {
                if (in == null) {
                    throw new IOException("catalog index names a missing resource: " + file);
                }
                Files.copy(in, to);
            }
        }
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String text) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
