package org.citymaas.portal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, where a kubectl is installed: the reference the suite's renderer is compared with. */
final class KubectlOnPath {

    private KubectlOnPath() {}

    /** The kubectl on the PATH, or null. */
    static Path find() {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            var candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** What {@code kubectl kustomize directory} prints, parsed. */
    static List<Map<String, Object>> kustomize(Path kubectl, Path directory) throws IOException, InterruptedException {
        var out = Files.createTempFile("kustomize", ".yaml");
        try {
            var process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectErrorStream(false)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " failed");
            }
            return KustomizeSubset.documents(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
