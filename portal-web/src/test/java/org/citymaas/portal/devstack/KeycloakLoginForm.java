package org.citymaas.portal.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keycloak's login page as one browser sees it: its cookies, the form's action, the credentials posted and
 * the error shown when they are wrong. Regular expressions suffice for the pages Keycloak's theme renders.
 */
final class KeycloakLoginForm {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ANY_FORM = Pattern.compile("<form[^>]*\\baction=\"[^\"]*\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    // the message of the first field in error: <div id="input-error-username"><span> message </span></div>
    private static final Pattern INPUT_ERROR =
            Pattern.compile("id=\"input-error-(?!container)[^\"]*\"[^>]*>(.{0,2000}?)</div>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|apos|lt|gt);");

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param http a client that does not follow redirects: the last one carries the authorization code */
    KeycloakLoginForm(HttpClient http) {
        this.http = http;
    }

    /** Opens the authorization URL and returns where its login form posts to. */
    String open(String authorizationUrl) {
        var page = browse(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak answered the authorization request with " + page.statusCode() + ": " + page.body());
        }
        return formAction(page.body());
    }

    /** Posts the credentials: a redirect when Keycloak accepts them, the login page again when not. */
    HttpResponse<String> submit(String action, String username, String password) {
        return browse(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        KeycloakTokens.form(Map.of("username", username, "password", password)))));
    }

    /** The message a login page shows next to the fields, e.g. "Invalid username or password." */
    static String errorText(String html) {
        var error = INPUT_ERROR.matcher(html);
        if (!error.find()) {
            return "the login form came back";
        }
        return unescape(TAG.matcher(error.group(1)).replaceAll(" "))
                .replaceAll("\\s+", " ")
                .strip();
    }

    /**
     * One request with this browser's cookies. Keycloak marks its cookies Secure, which java.net.CookieManager
     * never sends over http, not even to 127.0.0.1 (browsers treat loopback as secure).
     */
    private HttpResponse<String> browse(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        var response = KeycloakTokens.send(http, request);
        for (var setCookie : response.headers().allValues("Set-Cookie")) {
            var nameAndValue = setCookie.split(";", 2)[0].split("=", 2);
            var name = nameAndValue[0].trim();
            var expired = nameAndValue.length < 2
                    || nameAndValue[1].isEmpty()
                    || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, nameAndValue[1]);
            }
        }
        return response;
    }

    private static String formAction(String html) {
        var loginForm = LOGIN_FORM.matcher(html);
        var anyForm = ANY_FORM.matcher(html);
        String tag;
        if (loginForm.find()) {
            tag = loginForm.group();
        } else if (anyForm.find()) {
            tag = anyForm.group();
        } else {
            throw new IllegalStateException("no login form in Keycloak's page: " + html);
        }
        var action = ACTION.matcher(tag);
        if (!action.find()) {
            throw new IllegalStateException("the login form has no action: " + tag);
        }
        return unescape(action.group(1));
    }

    private static String unescape(String html) {
        return HTML_ENTITY.matcher(html).replaceAll(entity -> {
            var name = entity.group(1);
            var text = switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default ->
                    Character.toString(
                            name.startsWith("#x")
                                    ? Integer.parseInt(name.substring(2), 16)
                                    : Integer.parseInt(name.substring(1)));
            };
            return Matcher.quoteReplacement(text);
        });
    }
}
