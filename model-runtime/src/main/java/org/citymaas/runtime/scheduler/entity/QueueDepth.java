package org.citymaas.runtime.scheduler.entity;

import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.ShareKey;

/** Requests of one tenant (its share key) waiting for one model version. */
public record QueueDepth(ShareKey tenant, ModelRef model, int requests) {}
