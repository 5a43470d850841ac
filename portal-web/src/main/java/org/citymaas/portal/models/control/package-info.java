/** The lifecycle's rules (which step each state allows, four eyes), its table, and the upload form reader. */
package org.citymaas.portal.models.control;
