package org.citymaas.security.identity.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.citymaas.security.identity.entity.InvalidAccessTokenException;
import org.citymaas.security.identity.entity.TokenClaims;

/**
 * Checks a Keycloak access token offline: RS256 signature against the realm's JWKS (cached, refetched when an unknown
 * key id shows up, so key rotation just works), issuer, audience, type, expiry.
 *
 * <p><b>Each token is verified once.</b> A token that passed is remembered, keyed by the SHA-256 digest of its text
 * (the token itself is never kept), with its claims, its signing key's id and its expiry, in a bounded cache ({@value
 * #MAX_TOKENS} tokens, least recently used out first). A remembered token is answered from the cache only while it
 * has not expired by this verifier's clock and its signing key is still in the realm's key set (asked of the same
 * cached JWKS the signature check uses, so a key that leaves the realm stops its tokens as soon as the key set is
 * refetched, as it would without this cache). Anything else (a token not seen, a changed character, an expired or
 * rotated-out one) goes through the full check again.
 */
public final class AccessTokens {

    private static final long JWKS_TTL_MS = 15 * 60_000L;
    private static final long JWKS_REFRESH_TIMEOUT_MS = 10_000L;
    private static final long JWKS_MIN_REFETCH_INTERVAL_MS = 30_000L;

    /** How many verified tokens are remembered at most (some 2 KiB each with their claims). */
    static final long MAX_TOKENS = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final JWKSource<SecurityContext> keys;
    private final Ticker ticker;
    private final Cache<String, Verified> verified;
    private final LongAdder signatureChecks = new LongAdder();

    /** A verified token's claims, the id of the key that signed it and its expiry in {@link #ticker} nanoseconds. */
    private record Verified(TokenClaims claims, String keyId, long expiresAtNanos) {}

    /**
     * @param issuer the realm URL, exactly as it appears in tokens
     * @param audience the audience the API requires
     */
    public AccessTokens(String issuer, String audience) {
        this(
                issuer,
                audience,
                JWKSourceBuilder.create(jwksUrl(issuer))
                        .cache(JWKS_TTL_MS, JWKS_REFRESH_TIMEOUT_MS)
                        .rateLimited(JWKS_MIN_REFETCH_INTERVAL_MS)
                        .build(),
                Ticker.systemTicker());
    }

    /** With this key set and this clock: for tests. */
    AccessTokens(String issuer, String audience, JWKSource<SecurityContext> keys, Ticker ticker) {
        this.keys = keys;
        this.ticker = ticker;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
                Set.of("sub", "exp", "iat")));
        verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String key, Verified value, long currentTime) {
                        return Math.max(0, value.expiresAtNanos() - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified value, long currentTime, long duration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified value, long currentTime, long duration) {
                        return duration;
                    }
                })
                .build();
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
        var digest = digest(token);
        var known = verified.getIfPresent(digest);
        if (known != null && ticker.read() < known.expiresAtNanos() && published(known.keyId())) {
            return known.claims();
        }
        verified.invalidate(digest);
        try {
            var jwt = SignedJWT.parse(token);
            signatureChecks.increment();
            var claims = processor.process(jwt, null);
            var result = new TokenClaims(claims.getClaims());
            var keyId = jwt.getHeader().getKeyID();
            if (keyId != null && claims.getExpirationTime() != null) {
                long left = claims.getExpirationTime().getTime() - System.currentTimeMillis();
                verified.put(digest, new Verified(result, keyId, ticker.read() + left * 1_000_000L));
            }
            return result;
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidAccessTokenException(e.getMessage(), e);
        }
    }

    /** How many tokens went through the full check (signature and claims) so far: the cache's misses. */
    public long signatureChecks() {
        return signatureChecks.sum();
    }

    /** The key is still in the realm's key set (the JWKS as cached for the signature check). */
    private boolean published(String keyId) {
        try {
            return !keys.get(
                            new JWKSelector(
                                    new JWKMatcher.Builder().keyID(keyId).build()),
                            null)
                    .isEmpty();
        } catch (KeySourceException e) { // the key set cannot be had: verify afresh, which says why
            return false;
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
