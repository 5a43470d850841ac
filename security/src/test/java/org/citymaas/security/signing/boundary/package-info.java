/** Unit tests of the detached document signatures, with no database. */
package org.citymaas.security.signing.boundary;
