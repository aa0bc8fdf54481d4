package org.arborlab.control.engine.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.arborlab.spi.App;

/**
 * The experiment apps installed in this deployment, each checked once and seen as an {@link AppModel}: on the
 * server every CDI bean that extends {@link App}; in a plain test the apps given to {@link #of}. Page flows are
 * cached per app sequence. Other parts of Arbor use it too, e.g. exports for the declared fields of each app in
 * declaration order.
 */
@ApplicationScoped
public class AppRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @Inject
    @Any
    Instance<App<?, ?, ?>> discovered;

    private Map<String, AppModel> models;
    private final Map<List<String>, PageFlow> flows = new ConcurrentHashMap<>();

    /** The registry of these apps, outside a container (tests, tools). */
    public static AppRegistry of(Collection<? extends App<?, ?, ?>> apps) {
        AppRegistry registry = new AppRegistry();
        registry.models = check(apps);
        return registry;
    }

    @PostConstruct
    void collect() {
        List<App<?, ?, ?>> found = new ArrayList<>();
        discovered.forEach(found::add);
        models = check(found);
    }

    private static Map<String, AppModel> check(Collection<? extends App<?, ?, ?>> apps) {
        Map<String, AppModel> found = new TreeMap<>();
        for (App<?, ?, ?> app : apps) {
            String name = app.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("App " + app.getClass().getName() + " has name \"" + name
                        + "\"; an app name must be lower-case letters, digits and underscores, starting with a letter");
            }
            if (app.playersPerGroup() < 0 || app.numRounds() < 1) {
                throw new IllegalStateException("App \"" + name + "\": playersPerGroup must be 0 or more and"
                        + " numRounds at least 1");
            }
            if (found.containsKey(name)) {
                throw new IllegalStateException("Two apps are named \"" + name + "\": "
                        + found.get(name).app().getClass().getName() + " and " + app.getClass().getName());
            }
            found.put(name, new AppModel(app));
        }
        return Collections.unmodifiableMap(found);
    }

    /** All apps by name, in name order. */
    public Map<String, AppModel> all() {
        return models;
    }

    public Optional<AppModel> find(String appName) {
        return Optional.ofNullable(models.get(appName));
    }

    public AppModel get(String appName) {
        return find(appName).orElseThrow(() -> new IllegalStateException("No app named " + appName));
    }

    public PageFlow flow(List<String> appSequence) {
        return flows.computeIfAbsent(List.copyOf(appSequence),
                sequence -> new PageFlow(sequence.stream().map(this::get).toList()));
    }

    /** The flow of a session, from the {@code app_sequence} of its stored config. */
    public PageFlow flow(JsonObject sessionConfig) {
        JsonArray sequence = sessionConfig.getJsonArray("app_sequence");
        List<String> names = new ArrayList<>();
        for (JsonString name : sequence.getValuesAs(JsonString.class)) {
            names.add(name.getString());
        }
        return flow(names);
    }
}
