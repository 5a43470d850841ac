package org.citymaas.portal.ui;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.citymaas.portal.departments.boundary.DepartmentView;

/** A department as a table row; a JavaBean, since Faces' EL cannot read record components. */
public class DepartmentRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CITY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final String id;
    private final String nameZh;
    private final String nameEn;
    private final String status;
    private final String apiClientId;
    private final String created;

    public DepartmentRow(DepartmentView view) {
        this.id = view.id();
        this.nameZh = view.nameZh();
        this.nameEn = view.nameEn();
        this.status = view.status();
        this.apiClientId = view.apiClientId() == null ? "" : view.apiClientId();
        this.created = CITY_TIME.format(view.createdAt());
    }

    /** Whether the id or either name contains the text, which is already lower case. */
    boolean matches(String lowerCaseText) {
        return id.contains(lowerCaseText)
                || nameZh.contains(lowerCaseText)
                || nameEn.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
    }

    public String getId() {
        return id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getStatus() {
        return status;
    }

    public String getApiClientId() {
        return apiClientId;
    }

    public String getCreated() {
        return created;
    }
}
