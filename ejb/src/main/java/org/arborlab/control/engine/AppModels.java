package org.arborlab.control.engine;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.arborlab.control.AppRegistry;
import org.arborlab.spi.App;

/**
 * The engine's view of every installed app, built (and checked) once. Page flows are cached per app sequence.
 * Other parts of Arbor use it too, e.g. exports for the declared fields of each app in declaration order.
 */
@ApplicationScoped
public class AppModels {

    @Inject
    AppRegistry registry;

    private Map<String, AppModel> models;
    private final Map<List<String>, PageFlow> flows = new ConcurrentHashMap<>();

    @PostConstruct
    void build() {
        Map<String, AppModel> built = new TreeMap<>();
        for (Map.Entry<String, App<?, ?, ?>> entry : registry.all().entrySet()) {
            built.put(entry.getKey(), new AppModel(entry.getValue()));
        }
        models = Collections.unmodifiableMap(built);
    }

    public Map<String, AppModel> all() {
        return models;
    }

    public AppModel get(String appName) {
        AppModel model = models.get(appName);
        if (model == null) {
            throw new IllegalStateException("No app named " + appName);
        }
        return model;
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
