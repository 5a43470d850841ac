package org.citymaas.runtime.scheduler.entity;

import org.citymaas.runtime.catalog.entity.ModelRef;

/**
 * A model version's residency.
 *
 * @param model the version
 * @param state its state
 * @param sizeBytes what it counts against the memory budget
 * @param batchesRunning batches running on it now
 */
public record ModelStatus(ModelRef model, ModelState state, long sizeBytes, int batchesRunning) {}
