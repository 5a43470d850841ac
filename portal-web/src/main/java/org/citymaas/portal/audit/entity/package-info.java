/**
 * What the portal keeps for auditors besides the audit log: their saved searches (a name and the
 * search page's filters), in {@code audit_saved_search} (V15).
 */
package org.citymaas.portal.audit.entity;
