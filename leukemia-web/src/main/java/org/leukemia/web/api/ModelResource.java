package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.application.model.ModelSummary;

/**
 * The registered models with their training records and Tribuo provenance; an administrator
 * registers a model trained with the command line and chooses the one that serves.
 */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** The largest bundle accepted: the product's bundles take a few megabytes. */
    static final int MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

    @EJB
    private ModelRegistry registry;

    /** Every registered model. */
    @GET
    public List<ModelSummary> list() {
        return registry.registeredModels();
    }

    /**
     * Registers the model bundle sent as the request body (the .zip that {@code train} writes)
     * as the next version, which serves predictions from then on.
     *
     * @return 201 with the registered model; 400 when the body is no model bundle or is
     *     registered already
     */
    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response register(InputStream body, @Context UriInfo request) throws IOException {
        byte[] bundle = body.readNBytes(MAX_BUNDLE_BYTES + 1);
        if (bundle.length == 0) {
            throw new BadRequestException("Send the model bundle (.zip) as the request body.");
        }
        if (bundle.length > MAX_BUNDLE_BYTES) {
            throw new BadRequestException("A model bundle has at most " + MAX_BUNDLE_BYTES
                    + " bytes.");
        }
        ModelSummary registered = registry.registerBundle(bundle);
        return Response.created(request.getAbsolutePathBuilder()
                .path(Integer.toString(registered.version())).build()).entity(registered)
                .build();
    }

    /**
     * Makes a registered version serve predictions (again).
     *
     * @param version the version
     * @return the model now serving
     */
    @POST
    @Path("{version}/activate")
    public ModelSummary activate(@PathParam("version") int version) {
        return registry.activate(version);
    }
}
