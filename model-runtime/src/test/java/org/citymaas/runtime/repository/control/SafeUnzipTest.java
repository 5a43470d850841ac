package org.citymaas.runtime.repository.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.citymaas.runtime.InvalidModelUploadException;
import org.citymaas.runtime.repository.entity.UploadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {

    @TempDir
    Path dir;

    private Path target() throws IOException {
        return Files.createDirectories(dir.resolve("target"));
    }

    private Path zip(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("upload.zip"), bytes);
    }

    private InvalidModelUploadException refused(byte[] bytes, UploadLimits limits) throws IOException {
        var zip = zip(bytes);
        var target = target();
        return catchThrowableOfType(InvalidModelUploadException.class, () -> SafeUnzip.extract(zip, target, limits));
    }

    @Test
    void extractsASavedModelFolder() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("saved_model/", null);
        entries.put("saved_model/saved_model.pb", new byte[] {1, 2, 3});
        entries.put("saved_model/variables/variables.index", new byte[] {4});
        var target = target();

        long bytes = SafeUnzip.extract(zip(Zips.of(entries)), target, UploadLimits.defaults());

        assertThat(bytes).isEqualTo(4);
        assertThat(target.resolve("saved_model/saved_model.pb")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void refusesAPathTraversalEntryAndWritesNothingOutside() throws IOException {
        var e = refused(Zips.of("saved_model/../../evil.pb", new byte[] {1}), UploadLimits.defaults());

        assertThat(e.reason()).isEqualTo("path-traversal");
        assertThat(e.getMessage()).contains("leaves the archive's folder");
        assertThat(dir.resolve("evil.pb")).doesNotExist();
        assertThat(dir.getParent().resolve("evil.pb")).doesNotExist();
    }

    @Test
    void refusesAbsoluteAndBackslashPaths() throws IOException {
        assertThat(refused(Zips.of("/etc/cron.d/evil", new byte[] {1}), UploadLimits.defaults())
                        .reason())
                .isEqualTo("absolute-path");
        Files.deleteIfExists(dir.resolve("upload.zip"));
        assertThat(refused(Zips.of("..\\..\\evil", new byte[] {1}), UploadLimits.defaults())
                        .reason())
                .isEqualTo("absolute-path");
    }

    @Test
    void refusesASymbolicLink() throws IOException {
        var e = refused(Zips.asSymlinks(Zips.of("saved_model.pb", "/etc/passwd".getBytes())), UploadLimits.defaults());

        assertThat(e.reason()).isEqualTo("symlink");
        assertThat(e.getMessage()).contains("symbolic link");
        assertThat(dir.resolve("target/saved_model.pb")).doesNotExist();
    }

    @Test
    void refusesAZipBombByItsRatio() throws IOException {
        var e = refused(Zips.of("saved_model.pb", new byte[8 << 20]), UploadLimits.defaults());

        assertThat(e.reason()).isEqualTo("zip-bomb");
        assertThat(e.getMessage()).contains("expands more than 100 times");
    }

    @Test
    void refusesAnArchiveLargerThanAllowedOnceExtracted() throws IOException {
        var random = new byte[200_000];
        new java.util.Random(1).nextBytes(random);
        var limits = new UploadLimits(1 << 20, 1 << 10, 100_000, 10, 100);

        var e = refused(Zips.of("saved_model.pb", random), limits);

        assertThat(e.reason()).isEqualTo("zip-bomb");
        assertThat(e.getMessage()).contains("more than 100000 bytes once extracted");
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i, new byte[] {1});
        }
        var limits = new UploadLimits(1 << 20, 1 << 10, 1 << 20, 10, 100);

        assertThat(refused(Zips.of(entries), limits).reason()).isEqualTo("too-many-entries");
    }

    @Test
    void refusesWhatIsNotAZip() throws IOException {
        assertThat(refused("hello, not a zip".getBytes(), UploadLimits.defaults())
                        .reason())
                .isEqualTo("not-a-zip");
    }
}
