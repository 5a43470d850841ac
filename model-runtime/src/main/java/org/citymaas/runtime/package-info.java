/**
 * The module's exception hierarchy: every failure the runtime reports to a caller is a {@link
 * org.citymaas.runtime.ModelRuntimeException}, so the portal maps one root type onto problem+json and
 * picks the status from the subclass (capacity, deadline, invalid input, unknown model).
 */
package org.citymaas.runtime;
