package org.arborlab.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.arborlab.spi.App;

/** The experiment apps installed in this deployment: every CDI bean that extends {@link App}. */
@ApplicationScoped
public class AppRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @Inject
    @Any
    Instance<App<?, ?, ?>> discovered;

    private Map<String, App<?, ?, ?>> apps;

    @PostConstruct
    void collect() {
        Map<String, App<?, ?, ?>> found = new TreeMap<>();
        for (App<?, ?, ?> app : discovered) {
            String name = app.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("App " + app.getClass().getName() + " has name \"" + name
                        + "\"; an app name must be lower-case letters, digits and underscores, starting with a letter");
            }
            if (app.playersPerGroup() < 0 || app.numRounds() < 1) {
                throw new IllegalStateException("App \"" + name + "\": playersPerGroup must be 0 or more and"
                        + " numRounds at least 1");
            }
            App<?, ?, ?> clash = found.putIfAbsent(name, app);
            if (clash != null) {
                throw new IllegalStateException("Two apps are named \"" + name + "\": "
                        + clash.getClass().getName() + " and " + app.getClass().getName());
            }
        }
        apps = Collections.unmodifiableMap(found);
    }

    /** All apps by name, in name order. */
    public Map<String, App<?, ?, ?>> all() {
        return apps;
    }

    public Optional<App<?, ?, ?>> find(String name) {
        return Optional.ofNullable(apps.get(name));
    }

    public App<?, ?, ?> get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("No app named " + name));
    }
}
