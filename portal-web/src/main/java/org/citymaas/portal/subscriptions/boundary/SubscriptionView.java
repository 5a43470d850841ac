package org.citymaas.portal.subscriptions.boundary;

import java.time.Instant;

/**
 * A department's access to a model.
 *
 * @param department the department's slug
 * @param model the catalog model
 * @param pinnedVersion the only version it may run, or null for every version
 * @param grantedBy who granted it
 * @param grantedAt when
 */
public record SubscriptionView(
        String department, String model, String pinnedVersion, String grantedBy, Instant grantedAt) {}
