/**
 * The values that cross the runtime's public API: the share keys the scheduler is fair between, tensors in
 * the Open Inference Protocol v2 vocabulary, requests and their results with the compute they used for
 * metering.
 */
package org.citymaas.runtime.inference.entity;
