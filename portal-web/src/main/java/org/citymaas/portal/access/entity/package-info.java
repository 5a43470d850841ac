/** The state of an access request (pending, granted, refused). */
package org.citymaas.portal.access.entity;
