package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.application.model.ModelSummary;

/** The registered models and how each was trained. */
@Named
@RequestScoped
public class ModelsView {

    @EJB
    private ModelRegistry registry;

    private List<ModelSummary> models;

    /** @return every registered model, loaded once per request */
    public List<ModelSummary> getModels() {
        if (models == null) {
            models = registry.registeredModels();
        }
        return models;
    }
}
