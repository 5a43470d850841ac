package org.citymaas.security.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.citymaas.security.identity.entity.InvalidAccessTokenException;
import org.junit.jupiter.api.Test;

/** Tokens verified once: the cache answers a seen token, never an expired, changed or rotated-out one. */
class AccessTokensTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/citymaas";
    private static final String AUDIENCE = "citymaas-api";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(published.get());

    private static RSAKey key(String id) throws Exception {
        return new RSAKeyGenerator(2048).keyID(id).generate();
    }

    private static String token(RSAKey key, String subject, Duration life) throws Exception {
        var now = new Date();
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("typ", "Bearer")
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + life.toMillis()))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private AccessTokens tokens() {
        return new AccessTokens(ISSUER, AUDIENCE, keys, ticker);
    }

    @Test
    void checksTheSignatureOnFirstSightOnlyAndAnswersTheSameClaimsAfter() throws Exception {
        var key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()));
        var tokens = tokens();
        var token = token(key, "alice", Duration.ofMinutes(5));

        var first = tokens.verify(token);
        var second = tokens.verify(token);

        assertThat(second).isEqualTo(first);
        assertThat(second.string("sub")).isEqualTo("alice");
        assertThat(tokens.signatureChecks()).isEqualTo(1);
        tokens.verify(token(key, "bob", Duration.ofMinutes(5)));
        assertThat(tokens.signatureChecks()).as("another token is checked").isEqualTo(2);
    }

    @Test
    void checksAgainOnceTheTokenHasExpiredByItsClock() throws Exception {
        var key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()));
        var tokens = tokens();
        var token = token(key, "alice", Duration.ofMinutes(5));
        tokens.verify(token);

        nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        tokens.verify(token); // still valid by the wall clock: the full check passes again

        assertThat(tokens.signatureChecks()).isEqualTo(2);
    }

    @Test
    void stopsARememberedTokenOnceItsKeyLeavesTheRealm() throws Exception {
        var old = key("k1");
        published.set(new JWKSet(old.toPublicJWK()));
        var tokens = tokens();
        var token = token(old, "alice", Duration.ofMinutes(5));
        tokens.verify(token);

        var fresh = key("k2");
        published.set(new JWKSet(List.of(fresh.toPublicJWK())));

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(tokens.verify(token(fresh, "alice", Duration.ofMinutes(5))).string("sub"))
                .isEqualTo("alice");
    }

    @Test
    void neverAnswersAChangedTokenFromTheCache() throws Exception {
        var key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()));
        var tokens = tokens();
        var token = token(key, "alice", Duration.ofMinutes(5));
        tokens.verify(token);

        var parts = token.split("\\.");
        var forged =
                parts[0] + "." + token(key, "mallory", Duration.ofMinutes(5)).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(tokens.signatureChecks())
                .as("a refused token is never remembered")
                .isEqualTo(3);
    }

    @Test
    void refusesAForeignOrExpiredTokenAsBefore() throws Exception {
        var key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()));
        var tokens = tokens();

        assertThatThrownBy(() -> tokens.verify(token(key("k9"), "eve", Duration.ofMinutes(5))))
                .isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify(token(key, "alice", Duration.ofMinutes(-5))))
                .isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> tokens.verify("not a token")).isInstanceOf(InvalidAccessTokenException.class);
    }
}
