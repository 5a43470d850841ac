package org.citymaas.runtime.inference.entity;

/** Order of service inside one tenant's queue; fairness between tenants is not affected. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH
}
