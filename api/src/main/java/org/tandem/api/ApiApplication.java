package org.tandem.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.tandem.api.calls.ActiveCallsResource;
import org.tandem.api.calls.CallsResource;
import org.tandem.api.customer.CustomersResource;
import org.tandem.api.extension.ExtensionsResource;
import org.tandem.api.openapi.OpenApiResource;
import org.tandem.api.problem.ProblemMapper;
import org.tandem.api.registration.RegistrationsResource;
import org.tandem.api.request.BodyReading;
import org.tandem.api.request.RequestTarget;
import org.tandem.api.ringgroup.RingGroupsResource;
import org.tandem.api.security.Authentication;
import org.tandem.api.token.IdentityResource;
import org.tandem.api.token.TokensResource;
import org.tandem.api.voicemail.VoicemailResource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API at the WAR's root ({@code /api}); versioned paths ({@code v1/...}) live on the resources.
 * Classes are listed rather than scanned, so the OpenAPI test checks exactly what is served.
 */
@ApplicationPath("")
public class ApiApplication extends Application {

    public static final Set<Class<?>> RESOURCES = Set.of(IdentityResource.class, TokensResource.class,
            CustomersResource.class, ExtensionsResource.class, RingGroupsResource.class, RegistrationsResource.class,
            CallsResource.class, ActiveCallsResource.class, VoicemailResource.class, OpenApiResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        return Stream.of(RESOURCES, Set.of(RequestTarget.class, Authentication.class, BodyReading.class,
                        ProblemMapper.class, JsonSettings.class))
                .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
