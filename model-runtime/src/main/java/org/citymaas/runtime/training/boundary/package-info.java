/**
 * The command that rebuilds the shipped catalog: trains the five models offline from seeded data,
 * measures them on held-out data through the serving path, and writes SavedModels, model cards and the
 * classpath index; and the same held-out metrics recomputed for a version uploaded later
 * ({@link org.citymaas.runtime.training.boundary.HeldOutMetrics}).
 */
package org.citymaas.runtime.training.boundary;
