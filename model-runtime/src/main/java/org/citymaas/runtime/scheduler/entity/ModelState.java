package org.citymaas.runtime.scheduler.entity;

/** Residency of a model version on the runtime's device. */
public enum ModelState {
    NOT_LOADED,
    LOADING,
    READY,
    FAILED
}
