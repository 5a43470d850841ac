package org.citymaas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The top README's module table says what the poms say: which of our modules each module uses. */
class ModuleTableTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> JAVA_MODULES =
            Set.of("portal-web", "tenant-core", "security", "billing", "model-runtime", "db");
    private static final Pattern ROW = Pattern.compile("^\\| \\[([a-z-]+)\\]\\([^)]*\\) \\| ([^|]+) \\|.*$");

    @Test
    void theReadmeTableMatchesThePoms() throws Exception {
        assertThat(readmeTable()).isEqualTo(pomDependencies());
    }

    private static Map<String, Set<String>> readmeTable() throws IOException {
        var table = new TreeMap<String, Set<String>>();
        for (var line : Files.readAllLines(ROOT.resolve("README.md"))) {
            var row = ROW.matcher(line);
            if (row.matches() && JAVA_MODULES.contains(row.group(1))) {
                var uses = row.group(2).strip();
                table.put(
                        row.group(1),
                        "none".equals(uses)
                                ? Set.of()
                                : Arrays.stream(uses.split(","))
                                        .map(String::strip)
                                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return table;
    }

    private static Map<String, Set<String>> pomDependencies() throws Exception {
        var table = new TreeMap<String, Set<String>>();
        for (var module : JAVA_MODULES) {
            var pom = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(ROOT.resolve(module).resolve("pom.xml").toFile());
            var uses = new TreeSet<String>();
            var dependencies = pom.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                var dependency = (Element) dependencies.item(i);
                var scope = text(dependency, "scope");
                if ("org.citymaas".equals(text(dependency, "groupId"))
                        && (scope.isEmpty() || "compile".equals(scope))) {
                    uses.add(text(dependency, "artifactId"));
                }
            }
            table.put(module, uses);
        }
        return table;
    }

    private static String text(Element parent, String tag) {
        var nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
