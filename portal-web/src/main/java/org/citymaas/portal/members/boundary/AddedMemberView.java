package org.citymaas.portal.members.boundary;

/**
 * The answer to adding a person.
 *
 * @param member the member now
 * @param temporaryPassword a new account's first password, shown this once (null for an existing account)
 */
public record AddedMemberView(MemberView member, String temporaryPassword) {}
