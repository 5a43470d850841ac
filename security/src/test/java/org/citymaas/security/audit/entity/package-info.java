/** Tests of the audit log's values without a database: search queries and their page cursors. */
package org.citymaas.security.audit.entity;
