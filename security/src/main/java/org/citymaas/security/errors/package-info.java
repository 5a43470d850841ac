/** The security module's exception root, shared by identity, provisioning, masking and audit. */
package org.citymaas.security.errors;
