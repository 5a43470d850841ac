/**
 * The check every text the portal takes goes through before anything is stored or charged:
 * {@link org.citymaas.security.input.boundary.HostileCharacters} for plain Java callers (the
 * inference codec, the batch CSV reader) and the Bean Validation constraint {@link
 * org.citymaas.security.input.boundary.PlainText} for request records and forms.
 */
package org.citymaas.security.input.boundary;
