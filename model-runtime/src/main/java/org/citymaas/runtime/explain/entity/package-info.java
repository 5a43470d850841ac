/**
 * What an explanation says: per row of a request, the explained output's value, its value at the baseline, and
 * each input's (or text token's) share of the difference.
 */
package org.citymaas.runtime.explain.entity;
