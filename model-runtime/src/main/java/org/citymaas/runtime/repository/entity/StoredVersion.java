package org.citymaas.runtime.repository.entity;

import org.citymaas.runtime.catalog.entity.ModelCard;

/**
 * A version added to the repository.
 *
 * @param card its model card as stored
 * @param sizeBytes bytes of its SavedModel on disk
 * @param archiveSha256 hex SHA-256 of the uploaded archive
 */
public record StoredVersion(ModelCard card, long sizeBytes, String archiveSha256) {}
