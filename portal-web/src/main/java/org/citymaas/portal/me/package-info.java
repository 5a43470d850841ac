/** The signed-in caller, its department and roles, for the API ({@code /api/v1/me}) and the pages. */
package org.citymaas.portal.me;
