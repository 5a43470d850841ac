package org.citymaas.security.provisioning.entity;

/**
 * A person just added to a department.
 *
 * @param member the member as Keycloak now holds them
 * @param temporaryPassword the first password of a new account (to be changed at first sign-in), shown once and kept
 *     nowhere in CityMaaS; null when an existing account was added
 */
public record AddedMember(DepartmentMember member, String temporaryPassword) {}
