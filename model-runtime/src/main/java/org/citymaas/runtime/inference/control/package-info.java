/**
 * What happens to a request before it is queued: validation against the version's schema, with one
 * violation per broken rule, and the step from schema inputs to SavedModel inputs (dropped fields
 * removed, text featurized).
 */
package org.citymaas.runtime.inference.control;
