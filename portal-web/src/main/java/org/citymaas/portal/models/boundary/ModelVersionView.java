package org.citymaas.portal.models.boundary;

import java.time.Instant;

/**
 * A model version as the API shows it.
 *
 * @param model catalog name
 * @param version version
 * @param state {@code STAGED}, {@code PUBLISHED}, {@code DEPRECATED} or {@code RETIRED}
 * @param defaultVersion whether it answers calls that name no version (and pin none)
 * @param shipped whether it was shipped with the portal rather than uploaded
 * @param uploadedBy who uploaded it, or null
 * @param uploadedAt when, or null
 * @param approvedBy the second platform admin who approved it, or null
 * @param approvedAt when, or null
 * @param retiredAt when it was retired, or null
 * @param replacement the version replacing it once retired, or null
 * @param sizeBytes bytes of its SavedModel on disk, or null
 * @param archiveSha256 hex SHA-256 of the uploaded archive, or null
 */
public record ModelVersionView(
        String model,
        String version,
        String state,
        boolean defaultVersion,
        boolean shipped,
        String uploadedBy,
        Instant uploadedAt,
        String approvedBy,
        Instant approvedAt,
        Instant retiredAt,
        String replacement,
        Long sizeBytes,
        String archiveSha256) {}
