package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.application.model.ModelSummary;

/** The registered models with their training records and Tribuo provenance. */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @EJB
    private ModelRegistry registry;

    /** Every registered model. */
    @GET
    public List<ModelSummary> list() {
        return registry.registeredModels();
    }
}
