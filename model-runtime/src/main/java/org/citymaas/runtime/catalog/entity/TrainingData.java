package org.citymaas.runtime.catalog.entity;

/**
 * Where a version's training data came from.
 *
 * @param description what the data mimics and how it was made
 * @param generator the seeded generator that produced it
 * @param seed its seed
 * @param trainRows rows used for training
 * @param heldOutRows rows kept out of training for the metrics
 */
public record TrainingData(String description, String generator, long seed, int trainRows, int heldOutRows) {}
