/**
 * The shared scheduler: per-tenant bounded queues served by weighted fair queuing, dynamic batching per
 * model version with a policy for light tenants beside heavy ones, the worker threads of the device and when
 * they are woken, and model residency under a memory budget (load on first use, least-recently-used
 * unloading). {@link org.citymaas.runtime.scheduler.control.BatchQueue} is what the workers take batches from.
 */
package org.citymaas.runtime.scheduler.control;
