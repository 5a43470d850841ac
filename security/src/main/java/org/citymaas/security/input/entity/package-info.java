/**
 * What the portal refuses in any text it takes: a character class that a database, a terminal, a
 * log or a reader's eye would take for something else, named by the rule it breaks and where.
 */
package org.citymaas.security.input.entity;
