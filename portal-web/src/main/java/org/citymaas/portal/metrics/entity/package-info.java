/**
 * The metrics' values: a request's outcome as a tag, and the figures the runtime page shows, read from
 * the registry. Tags hold department ids, model names and fixed words only, never personal data or text.
 */
package org.citymaas.portal.metrics.entity;
