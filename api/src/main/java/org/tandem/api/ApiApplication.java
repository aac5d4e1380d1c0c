package org.tandem.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every resource of the WAR, under its context root {@code /api}. */
@ApplicationPath("/")
public class ApiApplication extends Application {
}
