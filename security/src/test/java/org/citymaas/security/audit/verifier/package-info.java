/** Tests of the offline verifier command on signed files, with no database. */
package org.citymaas.security.audit.verifier;
