/**
 * Where the metrics are recorded and read: a JAX-RS filter bound to the v2 inference resource's
 * {@code infer} methods (count and latency per model, department and outcome; quota refusals), the
 * runtime's queue and batch gauges, the audit append timer, and the figures the runtime page shows.
 */
package org.citymaas.portal.metrics.boundary;
