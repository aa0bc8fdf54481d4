package org.arborlab.control.engine.runtime;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.entity.ExtraModelRow.OwnerKind;
import org.arborlab.entity.Jsonp;
import org.arborlab.spi.ExtraModel;

/**
 * One extra model of an app (a nested class extending {@link ExtraModel}): its owner kind, its fields and their
 * defaults, checked once at start-up. A mistake (an owner that is not the app's player, group or subsession class,
 * a field of a type Arbor cannot store) stops start-up with a message naming the app, the class and the field.
 */
public final class ExtraModelSpec {
    private final Class<? extends ExtraModel<?>> type;
    private final OwnerKind owner;
    private final List<FieldSpec> fields;
    private final JsonObject initial;
    private final String app;

    private ExtraModelSpec(String app, Class<? extends ExtraModel<?>> type, OwnerKind owner, List<FieldSpec> fields) {
        this.app = app;
        this.type = type;
        this.owner = owner;
        this.fields = fields;
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        ExtraModel<?> fresh = newInstance();
        for (FieldSpec field : fields) {
            json.add(field.name(), field.toJson(field.initialValue(fresh)));
        }
        this.initial = json.build();
    }

    /**
     * The extra models declared as nested classes of the app class, in name order.
     *
     * @param where the app, as start-up messages name it
     */
    @SuppressWarnings("unchecked")
    static List<ExtraModelSpec> of(String app, Class<?> appClass, Class<?> player, Class<?> group,
            Class<?> subsession, String where) {
        List<ExtraModelSpec> found = new ArrayList<>();
        for (Class<?> nested : appClass.getDeclaredClasses()) {
            if (!ExtraModel.class.isAssignableFrom(nested)) {
                continue;
            }
            String at = where + ": extra model " + nested.getSimpleName();
            if (!Modifier.isStatic(nested.getModifiers()) || !Modifier.isPublic(nested.getModifiers())
                    || Modifier.isAbstract(nested.getModifiers())) {
                throw new IllegalStateException(at + " must be a public static (not abstract) nested class");
            }
            try {
                nested.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(at + " needs a constructor without arguments");
            }
            Type link = ownerType(nested);
            OwnerKind kind = link == player ? OwnerKind.PLAYER : link == group ? OwnerKind.GROUP
                    : link == subsession ? OwnerKind.SUBSESSION : null;
            if (kind == null) {
                throw new IllegalStateException(at + " links to " + (link == null ? "nothing" : link.getTypeName())
                        + "; it must extend ExtraModel<" + player.getSimpleName() + ">, ExtraModel<"
                        + group.getSimpleName() + "> or ExtraModel<" + subsession.getSimpleName() + "> of this app");
            }
            try {
                found.add(new ExtraModelSpec(app, (Class<? extends ExtraModel<?>>) nested, kind,
                        List.copyOf(FieldSpec.of(nested, ExtraModel.class))));
            } catch (IllegalStateException e) {
                // no cause: start-up reports the innermost IllegalStateException, which would lose the app's name
                throw new IllegalStateException(at + ": " + e.getMessage());
            }
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(found);
    }

    private static Type ownerType(Class<?> type) {
        for (Class<?> c = type; c != null && c != ExtraModel.class; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getRawType() == ExtraModel.class) {
                return p.getActualTypeArguments()[0];
            }
        }
        return null;
    }

    /** The model's name as stored: its class's simple name, e.g. {@code Trial}. */
    public String name() {
        return type.getSimpleName();
    }

    public Class<? extends ExtraModel<?>> type() {
        return type;
    }

    public OwnerKind owner() {
        return owner;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** The fields a new record starts with: every field, at its default (or null). */
    public JsonObject initial() {
        return initial;
    }

    /** The app and class, for messages: {@code extra model Trial of app "reaction"}. */
    String describe() {
        return "extra model " + name() + " of app \"" + app + "\"";
    }

    ExtraModel<?> newInstance() {
        try {
            Constructor<? extends ExtraModel<?>> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName() + ": " + e, e);
        }
    }
}
