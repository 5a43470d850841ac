/**
 * Which department may run which catalog model (subscriptions, all versions or a pinned one) and
 * its monthly quotas: the platform admins' API, the department's view of what it has left, and the
 * lookup the inference path authorizes with. Every change is audited in its own transaction.
 */
package org.citymaas.portal.subscriptions.boundary;
