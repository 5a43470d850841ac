package org.citymaas.security.identity.boundary;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;
import org.citymaas.security.identity.entity.InvalidAccessTokenException;
import org.citymaas.security.identity.entity.TokenClaims;

/**
 * Checks a Keycloak access token offline: RS256 signature against the realm's JWKS (cached, refetched
 * when an unknown key id shows up, so key rotation just works), issuer, audience, type, expiry.
 */
public final class AccessTokens {

    private static final long JWKS_TTL_MS = 15 * 60_000L;
    private static final long JWKS_REFRESH_TIMEOUT_MS = 10_000L;
    private static final long JWKS_MIN_REFETCH_INTERVAL_MS = 30_000L;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param issuer the realm URL, exactly as it appears in tokens
     * @param audience the audience the API requires
     */
    public AccessTokens(String issuer, String audience) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl(issuer))
                .cache(JWKS_TTL_MS, JWKS_REFRESH_TIMEOUT_MS)
                .rateLimited(JWKS_MIN_REFETCH_INTERVAL_MS)
                .build();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
                Set.of("sub", "exp", "iat")));
    }

    private static java.net.URL jwksUrl(String issuer) {
        try {
            return URI.create(issuer + "/protocol/openid-connect/certs").toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an issuer URL: " + issuer, e);
        }
    }

    /**
     * The token's claims when it is acceptable.
     *
     * @throws InvalidAccessTokenException when it is not (the reason is for logs, never for the caller)
     */
    public TokenClaims verify(String token) {
        try {
            return new TokenClaims(processor.process(token, null).getClaims());
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new InvalidAccessTokenException(e.getMessage(), e);
        }
    }
}
