package org.tandem.api.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tandem.api.security.PublicEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document at {@code /api/openapi.json}, to anyone: it holds no secret. */
@Path("openapi.json")
@PublicEndpoint
@ApplicationScoped
public class OpenApiResource {

    /** Where the document lies on the class path. */
    public static final String DOCUMENT = "/org/tandem/api/openapi/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        try (InputStream document = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (document == null) {
                throw new IllegalStateException("the WAR lacks " + DOCUMENT);
            }
            return document.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
