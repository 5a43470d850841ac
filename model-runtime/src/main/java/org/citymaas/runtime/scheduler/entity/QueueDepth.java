package org.citymaas.runtime.scheduler.entity;

import org.citymaas.runtime.catalog.entity.ModelRef;
import org.citymaas.runtime.inference.entity.TenantId;

/** Requests of one tenant waiting for one model version. */
public record QueueDepth(TenantId tenant, ModelRef model, int requests) {}
