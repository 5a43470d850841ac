/**
 * The shared scheduler: per-tenant bounded queues served by weighted fair queuing, dynamic batching per
 * model version, the worker threads of the device, and model residency under a memory budget (load on
 * first use, least-recently-used unloading).
 */
package org.citymaas.runtime.scheduler.control;
