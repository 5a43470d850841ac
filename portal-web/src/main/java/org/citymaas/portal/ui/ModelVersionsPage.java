package org.citymaas.portal.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.citymaas.portal.errors.PortalException;
import org.citymaas.portal.models.boundary.ModelLifecycle;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.runtime.catalog.boundary.Catalog;

/**
 * The platform admins' model versions page: a model's versions with their state, the upload of a new one
 * (checked as by the API, then staged), and the lifecycle steps; the approval of a staged version is another
 * platform admin's (four eyes: the uploader is refused, and told why).
 */
@Named
@ViewScoped
public class ModelVersionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ModelLifecycle lifecycle;

    @Inject
    transient Catalog catalog;

    @Inject
    transient CurrentCaller currentCaller;

    private String model = "traffic-flow-forecast";
    private transient Part savedModel;
    private transient Part card;
    private transient Part heldOut;
    private List<ModelVersionRow> versions;

    public List<String> getModels() {
        return catalog.modelNames();
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        if (model != null && catalog.modelNames().contains(model)) {
            this.model = model;
            versions = null;
        }
    }

    public List<ModelVersionRow> getVersions() {
        if (versions == null) {
            var caller = currentCaller.get().name();
            versions = lifecycle.list(model).stream()
                    .map(v -> new ModelVersionRow(v, caller))
                    .toList();
        }
        return versions;
    }

    public void upload() {
        if (savedModel == null || savedModel.getSize() == 0 || card == null || card.getSize() == 0) {
            FormMessages.error("models.upload.missing", "");
            return;
        }
        try (InputStream archive = savedModel.getInputStream();
                InputStream cardJson = card.getInputStream()) {
            var staged = lifecycle.upload(
                    model, archive.readAllBytes(), cardJson.readAllBytes(), heldOutBytes(), currentCaller.get());
            FormMessages.info("models.upload.done", "", staged.version());
            if (staged.heldOutRows() != null) {
                FormMessages.info("models.upload.measured", "", staged.heldOutRows());
            }
            if (staged.fairnessRows() != null) {
                FormMessages.info("models.upload.fairnessMeasured", "", staged.fairnessRows());
            }
        } catch (PortalException e) {
            FormMessages.error("models.refused", e.getMessage());
        } catch (IOException e) {
            FormMessages.error("models.upload.missing", "");
        }
        versions = null;
    }

    /** The held-out file's bytes, or null when none was chosen (then the metrics are not recomputed). */
    private byte[] heldOutBytes() throws IOException {
        if (heldOut == null || heldOut.getSize() == 0) {
            return null;
        }
        var max = lifecycle.heldOutLimits().maxBytes();
        try (InputStream in = heldOut.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    public void approve(String version) {
        step("models.approved", version, () -> lifecycle.approve(model, version, currentCaller.get()));
    }

    public void makeDefault(String version) {
        step("models.defaultSet", version, () -> lifecycle.makeDefault(model, version, currentCaller.get()));
    }

    public void deprecate(String version) {
        step("models.deprecated", version, () -> lifecycle.deprecate(model, version, currentCaller.get()));
    }

    public void retire(String version) {
        step("models.retired", version, () -> lifecycle.retire(model, version, currentCaller.get()));
    }

    public void rollBack() {
        try {
            var now = lifecycle.rollBack(model, currentCaller.get());
            FormMessages.info("models.rolledBack", "", now.version());
        } catch (PortalException e) {
            FormMessages.error("models.refused", e.getMessage());
        }
        versions = null;
    }

    private void step(String doneKey, String version, Runnable change) {
        try {
            change.run();
            FormMessages.info(doneKey, "", version);
        } catch (PortalException e) {
            FormMessages.error("models.refused", e.getMessage());
        }
        versions = null;
    }

    public Part getSavedModel() {
        return savedModel;
    }

    public void setSavedModel(Part savedModel) {
        this.savedModel = savedModel;
    }

    public Part getCard() {
        return card;
    }

    public void setCard(Part card) {
        this.card = card;
    }

    public Part getHeldOut() {
        return heldOut;
    }

    public void setHeldOut(Part heldOut) {
        this.heldOut = heldOut;
    }
}
