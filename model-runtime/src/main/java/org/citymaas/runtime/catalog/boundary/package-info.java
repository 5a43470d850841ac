/**
 * The catalog: every model version found in a directory or on the classpath, which one is the
 * default per model, and the lookup from a {@link org.citymaas.runtime.catalog.entity.ModelRef} to a
 * version.
 */
package org.citymaas.runtime.catalog.boundary;
