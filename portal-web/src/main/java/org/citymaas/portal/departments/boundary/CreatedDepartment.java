package org.citymaas.portal.departments.boundary;

/**
 * The answer to a department's creation. The temporary password and the client secret are shown this
 * once and kept nowhere in CityMaaS.
 *
 * @param department the new department
 * @param adminUsername its first tenant admin, who must change the password at first sign-in
 * @param adminTemporaryPassword that admin's first password
 * @param apiClientId the client id of the department's systems
 * @param apiClientSecret their client secret
 */
public record CreatedDepartment(
        DepartmentView department,
        String adminUsername,
        String adminTemporaryPassword,
        String apiClientId,
        String apiClientSecret) {}
