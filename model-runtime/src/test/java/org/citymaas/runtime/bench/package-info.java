/**
 * The runtime benchmark: the raw engine limit, the runtime under closed-loop concurrency, and fairness
 * under a flood, printed as tables. A bench main, not a test: nothing here asserts timings.
 */
package org.citymaas.runtime.bench;
