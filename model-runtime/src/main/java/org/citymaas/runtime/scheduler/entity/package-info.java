/**
 * What the runtime reports about itself for the portal's metrics and readiness endpoints: queue depth
 * per tenant and model, batch sizes, latency histograms, model residency.
 */
package org.citymaas.runtime.scheduler.entity;
