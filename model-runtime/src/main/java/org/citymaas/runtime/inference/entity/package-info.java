/**
 * The values that cross the runtime's public API: tenants, tensors in the Open Inference Protocol v2
 * vocabulary, requests and their results with the compute they used for metering.
 */
package org.citymaas.runtime.inference.entity;
