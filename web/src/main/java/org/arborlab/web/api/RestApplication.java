package org.arborlab.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The oTree-compatible REST API under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
