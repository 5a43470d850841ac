/**
 * Publishing model versions without a rebuild: upload (checked, then STAGED), four-eyes approval
 * (PUBLISHED), default version and its roll back, deprecation, retirement (410 naming the replacement),
 * and which version answers a department's call. Every step audited.
 */
package org.citymaas.portal.models.boundary;
