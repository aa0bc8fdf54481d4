package org.arborlab.apps.survey;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.spi.App;

/** A one-player survey. */
@ApplicationScoped
public class Survey extends App {

    @Override
    public String name() {
        return "survey";
    }

    @Override
    public String doc() {
        return "A one-player survey with validated answers.";
    }
}
