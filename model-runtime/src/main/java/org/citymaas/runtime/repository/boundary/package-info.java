/**
 * The model repository: a directory outside the application holding every model version ({@code
 * <model>/<version>/{model-card.json, saved_model/}}), seeded with the shipped catalog, to which uploaded
 * versions are added after their checks.
 */
package org.citymaas.runtime.repository.boundary;
