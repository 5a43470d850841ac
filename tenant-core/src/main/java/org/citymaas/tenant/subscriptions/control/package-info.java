/**
 * How subscriptions are read fast: a cache of what each department may run, emptied the moment a grant or a revocation
 * commits, on every instance (PostgreSQL {@code LISTEN/NOTIFY}).
 */
package org.citymaas.tenant.subscriptions.control;
