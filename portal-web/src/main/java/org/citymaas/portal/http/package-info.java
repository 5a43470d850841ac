/**
 * What every HTTP answer of the portal carries, whatever produced it: the security headers (a Content
 * Security Policy, no sniffing, no framing, a referrer policy), no server branding, and error pages in the
 * portal's own look (problem+json for the API), never the container's page with an exception in it.
 */
package org.citymaas.portal.http;
