package org.arborlab.control.audit;

import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Short readable descriptions of an audited call: its target (a session code, a token) and its arguments. */
final class AuditDescriptions {
    private static final int VALUE_MAX = 300;

    private AuditDescriptions() {
    }

    /** The code or name of what the call made or touched: the result's, else the first argument's. */
    static String target(Object[] parameters, Object result) {
        // a count or a flag says nothing about what was touched
        String fromResult = result instanceof Number || result instanceof Boolean ? null : identity(result);
        if (fromResult != null) {
            return fromResult;
        }
        return parameters == null || parameters.length == 0 ? null : identity(parameters[0]);
    }

    static String detail(Object[] parameters) {
        if (parameters == null || parameters.length == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object parameter : parameters) {
            parts.add(describe(parameter));
        }
        return String.join(", ", parts);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value instanceof Record record) {
            text = fields(record);
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof JsonValue || value instanceof Collection<?>) {
            text = value.toString();
        } else {
            String id = identity(value);
            text = id != null ? id : value.getClass().getSimpleName();
        }
        return text.length() > VALUE_MAX ? text.substring(0, VALUE_MAX - 1) + "…" : text;
    }

    /**
     * A request record as people read it: "config name: trust, participants: 2", its set fields only (never the
     * record's Java form {@code CreateSession[configName=trust, ...]}).
     */
    static String fields(Record record) {
        List<String> parts = new ArrayList<>();
        for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
            Object field;
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true); // records declared inside a service class are not public
                field = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (field == null || field instanceof Collection<?> c && c.isEmpty() || field instanceof java.util.Map<?, ?> m
                    && m.isEmpty() || field instanceof CharSequence cs && cs.isEmpty()) {
                continue;
            }
            String shown = field instanceof Record nested ? fields(nested) : identity(field) != null
                    && !(field instanceof Collection<?>) ? identity(field) : String.valueOf(field);
            parts.add(words(component.getName()) + ": " + shown);
        }
        return String.join(", ", parts);
    }

    /** "numParticipants" → "num participants". */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** getCode(), getName() or value() of entities and value types; plain strings and numbers as they are. */
    private static String identity(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Collection<?> many) {
            List<String> ids = new ArrayList<>();
            for (Object one : many) {
                ids.add(String.valueOf(identity(one)));
            }
            String joined = String.join(" ", ids);
            return joined.length() > VALUE_MAX ? joined.substring(0, VALUE_MAX - 1) + "…" : joined;
        }
        for (String accessor : new String[] {"getCode", "code", "getName", "name", "value", "record"}) {
            try {
                Method method = value.getClass().getMethod(accessor);
                if (method.getParameterCount() == 0 && !(value instanceof Enum<?>)) {
                    Object id = method.invoke(value);
                    if (id != null && id != value) {
                        String nested = id instanceof CharSequence || id instanceof Number ? id.toString() : identity(id);
                        if (nested != null) {
                            return nested.length() > VALUE_MAX ? nested.substring(0, VALUE_MAX - 1) + "…" : nested;
                        }
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this accessor
            }
        }
        return null;
    }
}
