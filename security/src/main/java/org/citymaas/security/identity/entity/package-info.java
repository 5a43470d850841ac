/** The caller of a request (person or service account), its department and its roles. */
package org.citymaas.security.identity.entity;
