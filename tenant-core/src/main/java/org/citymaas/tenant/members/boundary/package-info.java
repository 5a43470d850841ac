/** Adding and listing the members of the request's department. */
package org.citymaas.tenant.members.boundary;
