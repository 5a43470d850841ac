/** Subscriptions: which department may run which catalog model, every version or a pinned one. */
package org.citymaas.tenant.subscriptions.entity;
