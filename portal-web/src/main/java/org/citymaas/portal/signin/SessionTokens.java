package org.citymaas.portal.signin;

import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.HashMap;
import java.util.List;
import org.citymaas.security.identity.entity.TokenClaims;

/** The claims of a browser session's access token, read the same way as an API token's. */
final class SessionTokens {

    private static final List<String> CLAIMS = List.of(
            "sub",
            "preferred_username",
            "name",
            "given_name",
            "family_name",
            "tenant",
            "realm_access",
            "azp",
            "client_id");

    private SessionTokens() {}

    static TokenClaims claims(OpenIdContext context) {
        var token = context.getAccessToken();
        var claims = new HashMap<String, Object>();
        for (var name : CLAIMS) {
            var value = token.getClaim(name);
            if (value != null) {
                claims.put(name, value);
            }
        }
        var identity = context.getIdentityToken().getJwtClaims();
        for (var name : List.of("name", "given_name", "family_name")) {
            if (!claims.containsKey(name)) {
                identity.getStringClaim(name).ifPresent(value -> claims.put(name, value));
            }
        }
        return new TokenClaims(claims);
    }
}
