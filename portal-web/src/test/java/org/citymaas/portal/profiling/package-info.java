/**
 * A test-scope tool that reads a Java Flight Recording of the portal's JVM (made while the portal benchmark
 * ran, portal-web/README.md "Where the time goes (profile)") and prints where the CPU went, grouped by the
 * portal's layers (token check, JAX-RS/HTTP, CDI, JSON, validation, masking, quota and ledger, JDBC, Hibernate,
 * audit chain, model runtime, logging), the hottest methods, GC and JIT, lock waits and the JDBC round trips,
 * per phase of the benchmark (no-op, governed infer, batch), told apart from the recording itself.
 */
package org.citymaas.portal.profiling;
