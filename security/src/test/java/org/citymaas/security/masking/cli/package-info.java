/** Tests that run the masking command line's main logic on sample JSON lines. */
package org.citymaas.security.masking.cli;
