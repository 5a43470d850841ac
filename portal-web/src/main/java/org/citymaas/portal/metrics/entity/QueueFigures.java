package org.citymaas.portal.metrics.entity;

/** Requests of one department waiting in the runtime for one model now. */
public record QueueFigures(String model, String department, long requests) {}
