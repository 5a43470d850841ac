package org.citymaas.portal.ui;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.citymaas.portal.audit.boundary.AuditSearch;
import org.citymaas.portal.errors.InvalidParameterException;

/**
 * The audit search page's filters as its address holds them, with the API's names ({@code from, to,
 * department, actor, action, model, outcome, status, ip, requestId}); a filter of several values takes
 * them repeated or separated by commas. Written back in one order, so that the same filters always make
 * the same address (the saved searches keep it).
 */
final class AuditFilterQuery {

    static final List<String> SINGLE = List.of("from", "to", "status", "ip", "requestId");
    static final List<String> SEVERAL = List.of("department", "actor", "action", "model", "outcome");
    private static final List<String> ORDER =
            List.of("from", "to", "department", "actor", "action", "model", "outcome", "status", "ip", "requestId");

    private final Map<String, List<String>> values;

    private AuditFilterQuery(Map<String, List<String>> values) {
        this.values = values;
    }

    static AuditFilterQuery empty() {
        return new AuditFilterQuery(Map.of());
    }

    /** The filters among request parameters; other parameters are left alone. */
    static AuditFilterQuery of(Map<String, String[]> parameters) {
        var values = new LinkedHashMap<String, List<String>>();
        for (var name : ORDER) {
            var given = parameters.get(name);
            if (given == null) {
                continue;
            }
            var kept = new ArrayList<String>();
            for (var value : given) {
                if (value == null) {
                    continue;
                }
                if (SEVERAL.contains(name)) {
                    for (var part : value.split(",")) {
                        if (!part.isBlank()) {
                            kept.add(part.strip());
                        }
                    }
                } else if (!value.isBlank()) {
                    kept.add(value.strip());
                }
            }
            if (!kept.isEmpty()) {
                if (SINGLE.contains(name) && kept.size() > 1) {
                    throw new InvalidParameterException(name, "takes one value");
                }
                values.put(name, List.copyOf(kept));
            }
        }
        return new AuditFilterQuery(values);
    }

    /** The filters of a query string this class wrote (a saved search's). */
    static AuditFilterQuery parse(String queryString) {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (queryString != null) {
            for (var pair : queryString.split("&")) {
                var at = pair.indexOf('=');
                if (at > 0) {
                    parameters
                            .computeIfAbsent(
                                    URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                                    k -> new ArrayList<>())
                            .add(URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
                }
            }
        }
        var asArrays = new LinkedHashMap<String, String[]>();
        parameters.forEach((k, v) -> asArrays.put(k, v.toArray(String[]::new)));
        return of(asArrays);
    }

    /** The search's filters, {@code limit} events a page (null: the search's default). */
    AuditSearch.Filters filters(Integer limit) {
        Integer status = null;
        var statusText = one("status");
        if (statusText != null) {
            if (!statusText.matches("\\d{3}")) {
                throw new InvalidParameterException("status", "a status is three digits, e.g. 404");
            }
            status = Integer.valueOf(statusText);
        }
        return new AuditSearch.Filters(
                one("from"),
                one("to"),
                all("department"),
                all("actor"),
                all("action"),
                all("model"),
                all("outcome"),
                status,
                one("ip"),
                one("requestId"),
                limit);
    }

    /** The filters as a query string, in one order; empty when there is none. */
    String queryString() {
        return values.entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** One filter's value for the form: several joined by commas, empty when not given. */
    String text(String name) {
        return String.join(",", all(name));
    }

    private String one(String name) {
        var given = values.get(name);
        return given == null ? null : given.get(0);
    }

    private List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
