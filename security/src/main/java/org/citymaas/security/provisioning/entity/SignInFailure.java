package org.citymaas.security.provisioning.entity;

import java.time.Instant;

/**
 * A sign-in that Keycloak refused, as its event store recorded it: what an auditor needs, never what
 * was typed. The user name a person typed is left out (it may be anything, a person's name or a
 * password typed in the wrong field); a known account is named by its Keycloak id.
 *
 * @param id Keycloak's event id
 * @param type {@code LOGIN_ERROR}, {@code CLIENT_LOGIN_ERROR}, {@code CODE_TO_TOKEN_ERROR}...
 * @param error Keycloak's error code ({@code invalid_user_credentials}, {@code user_not_found}...)
 * @param clientId the client signed in to, or null
 * @param userId the account's Keycloak id when Keycloak knew it, or null
 * @param ipAddress the address the attempt came from, or null
 */
public record SignInFailure(
        String id, Instant time, String type, String error, String clientId, String userId, String ipAddress) {}
