package org.arborlab.control.engine.runtime;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.ExtraModel;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.JsonMap;
import org.arborlab.spi.Participant;
import org.arborlab.spi.Session;

/**
 * Turns what hooks return into plain values a template can show after the transaction: players, groups and
 * subsessions become maps of their fields (so {@code #{player.age}} works on public fields), Currency becomes
 * its formatted text ("10 points"), records become maps.
 */
public final class TemplateValues {
    /** The names a template reads from a player besides its fields (see {@link #player}). */
    static final Set<String> PLAYER_NAMES = Set.of("idInGroup", "idInSubsession", "roundNumber", "role", "payoff");
    static final Set<String> GROUP_NAMES = Set.of("idInSubsession", "roundNumber");
    static final Set<String> SUBSESSION_NAMES = Set.of("roundNumber");
    static final Set<String> PARTICIPANT_NAMES = Set.of("code", "label", "idInSession", "payoff", "vars");
    private final ModelScope scope;
    private final AppRegistry apps;

    public TemplateValues(ModelScope scope) {
        this.scope = scope;
        this.apps = scope.apps();
    }

    public Object convert(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Currency c) {
            return scope.currency().format(c);
        }
        if (value instanceof BasePlayer<?, ?> p) {
            return player(p);
        }
        if (value instanceof BaseGroup<?, ?> g) {
            return group(g);
        }
        if (value instanceof BaseSubsession<?, ?> s) {
            return subsession(s);
        }
        if (value instanceof ExtraModel<?> record) {
            return extraModel(record);
        }
        if (value instanceof Participant p) {
            return participant(p);
        }
        if (value instanceof Session s) {
            return session(s);
        }
        if (value instanceof JsonMap json) {
            return convert(json.asMap());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(v)));
            return out;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(convert(item)));
            return out;
        }
        if (value instanceof Object[] array) {
            return convert(List.of(array));
        }
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    out.put(component.getName(), convert(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        return value;
    }

    public Map<String, Object> player(BasePlayer<?, ?> player) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("idInGroup", player.idInGroup());
        map.put("idInSubsession", player.idInSubsession());
        map.put("roundNumber", player.roundNumber());
        map.put("role", player.role());
        map.put("payoff", convert(player.payoff));
        fields(map, player, appOf(player.roundNumber(), player).playerFields());
        return map;
    }

    public Map<String, Object> group(BaseGroup<?, ?> group) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("idInSubsession", group.idInSubsession());
        map.put("roundNumber", group.roundNumber());
        fields(map, group, appOf(group.roundNumber(), group).groupFields());
        return map;
    }

    public Map<String, Object> subsession(BaseSubsession<?, ?> subsession) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("roundNumber", subsession.roundNumber());
        fields(map, subsession, appOf(subsession.roundNumber(), subsession).subsessionFields());
        return map;
    }

    /** An extra model's record: its fields. */
    public Map<String, Object> extraModel(ExtraModel<?> record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (AppModel app : apps.all().values()) {
            app.extraModel(record.getClass()).ifPresent(spec -> fields(map, record, spec.fields()));
        }
        return map;
    }

    public Map<String, Object> participant(Participant participant) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", participant.code());
        map.put("label", participant.label());
        map.put("idInSession", participant.idInSession());
        map.put("payoff", convert(participant.payoff()));
        map.put("vars", convert(participant.vars().asMap()));
        return map;
    }

    public Map<String, Object> session(Session session) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", session.code());
        map.put("config", convert(session.config().asMap()));
        map.put("vars", convert(session.vars().asMap()));
        return map;
    }

    private void fields(Map<String, Object> map, Object model, List<FieldSpec> fields) {
        for (FieldSpec field : fields) {
            map.put(field.name(), convert(field.read(model)));
        }
    }

    /** The app a model object belongs to, found from its class. */
    private AppModel appOf(int round, Object model) {
        for (AppModel app : apps.all().values()) {
            if (app.owns(model.getClass())) {
                return app;
            }
        }
        throw new IllegalStateException("No app owns " + model.getClass().getName() + " (round " + round + ")");
    }
}
