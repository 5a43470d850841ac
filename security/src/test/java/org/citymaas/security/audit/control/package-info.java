/** Unit tests of the canonical form, the signing key and the chain verifier, with no database. */
package org.citymaas.security.audit.control;
