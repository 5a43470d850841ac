package org.citymaas.portal.signin;

import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.HashMap;
import java.util.List;
import org.citymaas.security.identity.control.TokenClaims;

/** The claims of a browser session's access token, read the same way as an API token's. */
final class SessionTokens {

    private static final List<String> CLAIMS =
            List.of("sub", "preferred_username", "name", "tenant", "realm_access", "azp", "client_id");

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
        if (!claims.containsKey("name")) {
            context.getIdentityToken().getJwtClaims().getStringClaim("name").ifPresent(n -> claims.put("name", n));
        }
        return new TokenClaims(claims);
    }
}
