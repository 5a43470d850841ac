/**
 * The usage component's logic that needs no container: the report month a caller asks for, the CSV
 * export, and reading an inference audit event's resource back into model and version.
 */
package org.citymaas.portal.usage.control;
