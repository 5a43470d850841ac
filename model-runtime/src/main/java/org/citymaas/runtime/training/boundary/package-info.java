/**
 * The command that rebuilds the shipped catalog: trains the five models offline from seeded data,
 * measures them on held-out data through the serving path, and writes SavedModels, model cards and the
 * classpath index.
 */
package org.citymaas.runtime.training.boundary;
