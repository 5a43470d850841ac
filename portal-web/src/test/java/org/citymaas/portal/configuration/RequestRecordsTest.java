package org.citymaas.portal.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citymaas.security.input.boundary.PlainText;
import org.junit.jupiter.api.Test;

/**
 * Payara's OpenAPI scanner reads Bean Validation constraints on the records an endpoint takes, and throws on
 * {@code @Min}, {@code @Size}, {@code @NotBlank} and the like there: {@code /openapi} then answers 500. The
 * records keep to {@code @NotNull}, {@code @Pattern}, {@code @PlainText} and {@code @Valid}; the boundaries
 * check the rest.
 */
class RequestRecordsTest {

    private static final Set<Class<? extends Annotation>> READABLE =
            Set.of(NotNull.class, Pattern.class, PlainText.class, Valid.class);

    @Test
    void theRecordsEndpointsTakeCarryOnlyConstraintsTheScannerReads() {
        var records = new HashSet<Class<?>>();
        for (var type : new RestApplication().getClasses()) {
            for (var method : type.getMethods()) {
                if (Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    for (var parameter : method.getGenericParameterTypes()) {
                        collect(parameter, records);
                    }
                }
            }
        }
        assertThat(records).as("request records").hasSizeGreaterThan(5);
        var unreadable = new ArrayList<String>();
        for (var record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                for (var annotation : annotationsOf(component)) {
                    var kind = annotation.annotationType();
                    if (kind.getPackageName().startsWith("jakarta.validation") && !READABLE.contains(kind)) {
                        unreadable.add(
                                record.getSimpleName() + "." + component.getName() + " @" + kind.getSimpleName());
                    }
                }
            }
        }
        assertThat(unreadable).isEmpty();
    }

    private static List<Annotation> annotationsOf(RecordComponent component) {
        var found = new ArrayList<>(Arrays.asList(component.getAnnotations()));
        found.addAll(Arrays.asList(component.getAccessor().getAnnotations()));
        return found;
    }

    /** The records a parameter type names, and those their components name, lists included. */
    private static void collect(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            for (var argument : parameterized.getActualTypeArguments()) {
                collect(argument, records);
            }
        } else if (type instanceof Class<?> plain && plain.isRecord() && records.add(plain)) {
            for (var component : plain.getRecordComponents()) {
                collect(component.getGenericType(), records);
            }
        }
    }
}
