/**
 * The lifecycle's rules (which step each state allows, four eyes), its tables, the upload form reader, and the
 * held-out check of an upload: its file reader, the metrics recomputation and the tolerance.
 */
package org.citymaas.portal.models.control;
