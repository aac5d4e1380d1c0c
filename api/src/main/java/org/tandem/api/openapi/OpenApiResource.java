package org.tandem.api.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}, open to anyone (the only path without a token). Written by hand: the
 * WildFly feature pack the node runs has no MicroProfile OpenAPI, and a test in this module checks
 * that the document and the resources name the same paths and methods.
 */
@Path("openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the WAR lacks " + DOCUMENT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
