/**
 * The usage component's logic that needs no container: the report month a caller asks for, the CSV
 * export, reading an inference audit event's resource back into model and version, and the kinds of
 * request (inference, explanation) a caller's history lists.
 */
package org.citymaas.portal.usage.control;
