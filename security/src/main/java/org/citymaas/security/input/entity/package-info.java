/**
 * What the portal refuses in any text it takes: a character class that a database, a terminal, a
 * log or a reader's eye would take for something else, named by the rule it breaks and where; and
 * the refusal of such texts, each named by the field it came in.
 */
package org.citymaas.security.input.entity;
