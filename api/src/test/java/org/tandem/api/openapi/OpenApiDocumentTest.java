package org.tandem.api.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.tandem.api.customer.CustomersResource;
import org.tandem.api.tenant.ExtensionsResource;
import org.tandem.api.tenant.RegistrationsResource;
import org.tandem.api.tenant.RingGroupsResource;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written OpenAPI document and the resources name the same operations, both ways. */
class OpenApiDocumentTest {

    private static final List<Class<?>> RESOURCES = List.of(CustomersResource.class, ExtensionsResource.class,
            RegistrationsResource.class, RingGroupsResource.class, OpenApiResource.class);
    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", PATCH.class, "patch", DELETE.class, "delete");

    @Test
    void documentsExactlyTheOperationsTheResourcesServe() throws Exception {
        JsonObject document;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT);
             JsonReader reader = Json.createReader(in)) {
            document = reader.readObject();
        }
        assertThat(document.getString("openapi")).isEqualTo("3.1.0");

        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, operations) ->
                operations.asJsonObject().keySet().forEach(method -> documented.add(method + " " + path)));

        assertThat(documented).isEqualTo(served());
    }

    private static Set<String> served() {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                METHODS.forEach((annotation, name) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path sub = method.getAnnotation(Path.class);
                        served.add(name + " " + base + (sub == null ? "" : "/" + sub.value()));
                    }
                });
            }
        }
        return served;
    }
}
