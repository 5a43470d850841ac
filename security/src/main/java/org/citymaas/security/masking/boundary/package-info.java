/**
 * The masking engine's face for the portal: {@link org.citymaas.security.masking.boundary.Masking},
 * an application-scoped CDI bean configured through MicroProfile Config (the master secret and the
 * roles that may re-identify), which masks texts and structured inputs per department and opens
 * encrypted tokens only through an audited re-identification. Jakarta annotations stay here; the
 * control layer underneath is plain Java.
 */
package org.citymaas.security.masking.boundary;
