package org.citymaas.portal.models.entity;

import java.time.Instant;

/**
 * A model version's lifecycle: a row of {@code model_version}, or a shipped version without one (published,
 * no uploader).
 *
 * @param model catalog name
 * @param version version
 * @param state its state
 * @param uploadedBy who uploaded it; null for a shipped version
 * @param uploadedAt when
 * @param approvedBy the second platform admin who approved it, or null
 * @param approvedAt when
 * @param retiredAt when it was retired, or null
 * @param replacement the version that replaced it when retired, or null
 * @param sizeBytes bytes of its SavedModel, or null when not recorded
 * @param archiveSha256 hex SHA-256 of the uploaded archive, or null
 */
public record VersionRecord(
        String model,
        String version,
        VersionState state,
        String uploadedBy,
        Instant uploadedAt,
        String approvedBy,
        Instant approvedAt,
        Instant retiredAt,
        String replacement,
        Long sizeBytes,
        String archiveSha256) {

    /** A version shipped with the portal and seeded into the repository: published, no row yet. */
    public static VersionRecord shipped(String model, String version) {
        return new VersionRecord(
                model, version, VersionState.PUBLISHED, null, null, null, null, null, null, null, null);
    }

    public VersionRecord withState(VersionState next) {
        return new VersionRecord(
                model,
                version,
                next,
                uploadedBy,
                uploadedAt,
                approvedBy,
                approvedAt,
                retiredAt,
                replacement,
                sizeBytes,
                archiveSha256);
    }
}
