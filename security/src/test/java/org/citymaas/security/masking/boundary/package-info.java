/** Tests of the masking boundary without a container: re-identification rules and record masking. */
package org.citymaas.security.masking.boundary;
