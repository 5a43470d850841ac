package org.citymaas.portal.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language of the person's pages: Chinese first, English on request; kept for the session. */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.SIMPLIFIED_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public String chinese() {
        return change(Locale.SIMPLIFIED_CHINESE);
    }

    public String english() {
        return change(Locale.ENGLISH);
    }

    private String change(Locale next) {
        locale = next;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(next);
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    /** The language a model card's text is read in: {@code zh} or {@code en}. */
    public String cardLanguage() {
        return locale.getLanguage();
    }

    /** A department's name in the person's language. */
    public String name(String nameZh, String nameEn) {
        return isEnglish() ? nameEn : nameZh;
    }
}
