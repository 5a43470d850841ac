/**
 * The portal's application metrics (MicroProfile Metrics, exported by Payara in Prometheus format at
 * {@code /metrics}): governed inference requests per model and department, quota refusals, the model
 * runtime's queues and batches, and the audit log's append latency. The platform admins' runtime page
 * reads the same registry.
 */
package org.citymaas.portal.metrics;
