package org.citymaas.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citymaas.portal.deploy.KustomizeSubset;

/** The image and its configuration as docker/ defines them, for {@link EntrypointContractIT}. */
final class ImageLayout {

    private ImageLayout() {}

    /** Payara Micro, the WAR, the pre-boot commands and the entrypoint where the Dockerfile puts them. */
    static Path payaraFolder(Path docker, Path payara) throws IOException {
        var dockerfile = Files.readString(docker.resolve("Dockerfile"));
        var repository = docker.toAbsolutePath().getParent();
        Files.createDirectories(payara.resolve("deployments"));
        Files.createSymbolicLink(
                payara.resolve("payara-micro.jar"),
                Path.of(System.getProperty("payara.microJar")).toAbsolutePath());
        var copies = java.util.regex.Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) /opt/payara/(\\S+)$")
                .matcher(dockerfile);
        int copied = 0;
        while (copies.find()) {
            var source = copies.group(1).equals("portal-web/target/citymaas.war")
                    ? Path.of(System.getProperty("citymaas.war"))
                    : repository.resolve(copies.group(1));
            Files.copy(source, payara.resolve(copies.group(2)));
            copied++;
        }
        assertThat(copied).as("the Dockerfile's COPY lines into /opt/payara").isEqualTo(3);
        return payara;
    }

    /** The variables docker/k8s gives the portal: the ConfigMap's and the example Secret's keys. */
    static List<String> manifestVariables(Path docker) throws IOException {
        var secret = KustomizeSubset.map(KustomizeSubset.documents(docker.resolve("k8s/portal-secret.example.yaml"))
                .get(0)
                .get("stringData"));
        return Stream.concat(configMap(docker).keySet().stream(), secret.keySet().stream())
                .toList();
    }

    static Map<String, Object> configMap(Path docker) throws IOException {
        return KustomizeSubset.map(KustomizeSubset.documents(docker.resolve("k8s/portal-config.yaml"))
                .get(0)
                .get("data"));
    }
}
