package org.citymaas.portal.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Jersey chooses one root resource per request by the class paths alone (Jakarta REST 3.1, 3.7.2 step 1:
 * the most literal characters win) and does not try another when that class has no matching method: a
 * root such as {@code v1/models/{name}} would answer 404 for {@code v1/models/{name}/batches}, declared in
 * a class rooted at {@code v1}. Every endpoint must be reached through its own class.
 */
class ResourcePathsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:\\s*([^}]+))?}");

    record Root(Class<?> type, String template, Pattern pattern, int literals, int variables) {}

    @Test
    void everyEndpointIsReachedThroughTheClassThatDeclaresIt() {
        var roots = new ArrayList<Root>();
        for (var type : new RestApplication().getClasses()) {
            var path = type.getAnnotation(Path.class);
            if (path != null) {
                roots.add(root(type, path.value()));
            }
        }
        assertThat(roots).hasSizeGreaterThan(10);
        var endpoints = 0;
        for (var root : roots) {
            for (Method method : root.type().getMethods()) {
                if (!isResourceMethod(method)) {
                    continue;
                }
                var sub = method.getAnnotation(Path.class);
                var address = sample(join(root.template(), sub == null ? "" : sub.value()));
                assertThat(chosen(roots, address))
                        .as("%s %s.%s", address, root.type().getSimpleName(), method.getName())
                        .contains(root.type());
                endpoints++;
            }
        }
        assertThat(endpoints).isGreaterThan(40);
    }

    @Test
    void aRootThatTakesAnotherClasssAddressIsFound() {
        var roots = List.of(root(Integer.class, "v1"), root(String.class, "/v1/models/{name}"));
        assertThat(chosen(roots, sample("v1/models/{name}/batches"))).contains(String.class);
        assertThat(chosen(roots, sample("v1/batches/{id}"))).contains(Integer.class);
    }

    /** The root class the request's path selects: most literal characters, then most variables. */
    private static Optional<Class<?>> chosen(List<Root> roots, String address) {
        var order = Comparator.comparingInt(Root::literals)
                .thenComparingInt(Root::variables)
                .reversed();
        return roots.stream()
                .filter(r -> r.pattern().matcher(address).matches())
                .sorted(order)
                .findFirst()
                .map(Root::type);
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static Root root(Class<?> type, String template) {
        var clean = strip(template);
        var regex = new StringBuilder();
        var matcher = VARIABLE.matcher(clean);
        int last = 0;
        int literals = 0;
        int variables = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(clean.substring(last, matcher.start())));
            literals += matcher.start() - last;
            regex.append('(')
                    .append(
                            matcher.group(3) == null
                                    ? "[^/]+"
                                    : matcher.group(3).strip())
                    .append(')');
            variables++;
            last = matcher.end();
        }
        regex.append(Pattern.quote(clean.substring(last)));
        literals += clean.length() - last;
        regex.append("(/.*)?");
        return new Root(type, clean, Pattern.compile(regex.toString()), literals, variables);
    }

    private static String join(String root, String sub) {
        var tail = strip(sub);
        return tail.isEmpty() ? strip(root) : strip(root) + "/" + tail;
    }

    /** The template with each variable replaced by a value no literal segment uses. */
    private static String sample(String template) {
        return VARIABLE.matcher(template).replaceAll("sample7");
    }

    private static String strip(String path) {
        var s = path.strip();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
