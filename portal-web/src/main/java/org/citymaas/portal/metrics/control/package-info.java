/**
 * The metrics' pure functions, no container: which words may become a tag value (a department id, a
 * catalog model name, else a fixed placeholder) and a timer's percentiles in milliseconds.
 */
package org.citymaas.portal.metrics.control;
