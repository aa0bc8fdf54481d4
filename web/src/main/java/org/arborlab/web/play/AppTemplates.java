package org.arborlab.web.play;

import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;
import java.net.URL;

/**
 * Lets Facelets read an app's page templates from the classpath, next to the app's class (e.g.
 * {@code org/arborlab/apps/trust/Results.xhtml} in the study's apps jar), so an app lives in one place and works in
 * both packagings.
 * Only names under {@code /arbor-app/} that end in {@code .xhtml} are looked up there. In development mode
 * ({@link DevSources}) the study's source folders come first, so template edits show without a rebuild.
 */
public class AppTemplates extends ResourceHandlerWrapper {

    private final DevSources devSources = DevSources.fromEnvironment();

    public AppTemplates(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String resourceName) {
        if (resourceName.startsWith(PlayView.APP_TEMPLATES) && resourceName.endsWith(".xhtml")
                && !resourceName.contains("..")) {
            String name = resourceName.substring(PlayView.APP_TEMPLATES.length());
            URL url = devSources.find(name).orElse(null);
            if (url == null) {
                url = Thread.currentThread().getContextClassLoader().getResource(name);
            }
            if (url == null) {
                url = AppTemplates.class.getClassLoader().getResource(name);
            }
            if (url != null) {
                URL found = url;
                return new ViewResource() {
                    @Override
                    public URL getURL() {
                        return found;
                    }
                };
            }
        }
        return super.createViewResource(context, resourceName);
    }
}
