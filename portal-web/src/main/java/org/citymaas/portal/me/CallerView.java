package org.citymaas.portal.me;

import java.util.List;

/**
 * The signed-in caller as the API shows it.
 *
 * @param name user name, or the client id of a service account
 * @param displayName a readable name
 * @param kind USER or SERVICE
 * @param department the caller's department, null for platform-wide callers
 * @param roles the CityMaaS roles, sorted
 */
public record CallerView(String name, String displayName, String kind, DepartmentRef department, List<String> roles) {

    /** A department as shown next to a caller. */
    public record DepartmentRef(String id, String nameZh, String nameEn) {}
}
