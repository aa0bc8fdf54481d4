package org.arborlab.control.engine.runtime;

import org.arborlab.entity.Jsonp;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.arborlab.spi.Choice;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Field;
import org.arborlab.spi.Widget;

/**
 * One field of an app's player, group or subsession class: its type, label and rules, and how its value goes to
 * and from the JSON {@code fields} column and a form. Built once per app at start-up; a mistake in the app
 * (unknown type, bad bound) stops start-up with a message that names the field.
 */
public final class FieldSpec {
    /** Names the base classes use; an app field may not hide them. */
    static final Set<String> RESERVED = Set.of("payoff", "binding", "id", "idInGroup", "idInSubsession", "role",
            "roundNumber", "group", "subsession", "participant", "session");

    /** The value types a field can have. */
    public enum Kind { INTEGER, LONG, FLOAT, DECIMAL, CURRENCY, BOOLEAN, STRING }

    private final java.lang.reflect.Field field;
    private final Kind kind;
    private final String label;
    private final Object min;
    private final Object max;
    private final List<Choice> choices;
    private final boolean blank;
    private final int maxLength;
    private final Widget widget;
    private final String doc;
    /** From {@code @Field(initial = ...)}, or {@code null}. */
    private final Object initial;
    private final Method minMethod;
    private final Method maxMethod;
    private final Method choicesMethod;
    private final Method errorMethod;

    private FieldSpec(java.lang.reflect.Field field, Kind kind) {
        this.field = field;
        this.kind = kind;
        Field annotation = field.getAnnotation(Field.class);
        String where = where(field);
        this.label = annotation == null || annotation.label().isEmpty() ? words(field.getName()) : annotation.label();
        this.maxLength = annotation == null ? 10_000 : annotation.maxLength();
        this.min = annotation == null || annotation.min().isEmpty() ? null : bound(annotation.min(), where + " min");
        this.max = annotation == null || annotation.max().isEmpty() ? null : bound(annotation.max(), where + " max");
        this.choices = annotation == null ? List.of() : staticChoices(annotation, where);
        this.blank = annotation != null && annotation.blank() || kind == Kind.BOOLEAN && widgetOf(annotation) == Widget.CHECKBOX;
        this.widget = widgetOf(annotation);
        this.doc = annotation == null ? "" : annotation.doc();
        this.initial = annotation == null || annotation.initial().isEmpty() ? null
                : initialValue(annotation.initial(), where);
        Class<?> owner = field.getDeclaringClass();
        this.minMethod = hook(owner, field.getName() + "Min");
        this.maxMethod = hook(owner, field.getName() + "Max");
        this.choicesMethod = hook(owner, field.getName() + "Choices");
        this.errorMethod = hook(owner, field.getName() + "ErrorMessage", field.getType());
        if (widget == Widget.CHECKBOX && kind != Kind.BOOLEAN) {
            throw new IllegalStateException(where + ": widget CHECKBOX is only for boolean fields");
        }
        if (widget == Widget.TEXTAREA && kind != Kind.STRING) {
            throw new IllegalStateException(where + ": widget TEXTAREA is only for string fields");
        }
        if ((widget == Widget.RADIO || widget == Widget.RADIO_HORIZONTAL) && kind != Kind.BOOLEAN
                && choices.isEmpty() && choicesMethod == null) {
            throw new IllegalStateException(where + ": widget " + widget + " needs choices");
        }
        if (min != null && max != null && compare(min, max) > 0) {
            throw new IllegalStateException(where + ": min " + min + " is greater than max " + max);
        }
    }

    /** The storable fields of a model class, in declaration order, from its base class down. */
    static List<FieldSpec> of(Class<?> modelClass, Class<?> baseClass) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = modelClass; c != null && c != baseClass && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<FieldSpec> specs = new ArrayList<>();
        for (Class<?> c : chain) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                String where = where(f);
                if (!Modifier.isPublic(mod)) {
                    if (f.isAnnotationPresent(Field.class)) {
                        throw new IllegalStateException(where + " must be public to be stored");
                    }
                    continue; // helper state that is not stored
                }
                if (Modifier.isFinal(mod)) {
                    throw new IllegalStateException(where + " is final; a stored field must be assignable");
                }
                if (RESERVED.contains(f.getName())) {
                    throw new IllegalStateException(where + ": the name \"" + f.getName() + "\" is reserved");
                }
                Kind kind = kindOf(f.getType());
                if (kind == null) {
                    throw new IllegalStateException(where + " has type " + f.getType().getSimpleName()
                            + "; fields can be Integer, Long, Double, BigDecimal, Currency, Boolean or String");
                }
                f.setAccessible(true);
                specs.add(new FieldSpec(f, kind));
            }
        }
        return specs;
    }

    public String name() {
        return field.getName();
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public boolean blank() {
        return blank;
    }

    public Widget widget() {
        return widget;
    }

    public String doc() {
        return doc;
    }

    Class<?> type() {
        return field.getType();
    }

    // --- reading and writing the model object ---

    Object read(Object model) {
        try {
            return field.get(model);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(Object model, Object value) {
        if (value == null && field.getType().isPrimitive()) {
            value = primitiveDefault();
        }
        try {
            field.set(model, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object primitiveDefault() {
        return switch (kind) {
            case INTEGER -> 0;
            case LONG -> 0L;
            case FLOAT -> 0.0;
            case BOOLEAN -> false;
            default -> null;
        };
    }

    // --- JSON ---

    JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        return switch (kind) {
            case INTEGER -> Jsonp.createValue((Integer) value);
            case LONG -> Jsonp.createValue((Long) value);
            case FLOAT -> Jsonp.createValue((Double) value);
            case DECIMAL -> Jsonp.createValue((BigDecimal) value);
            case CURRENCY -> Jsonp.createValue(((Currency) value).amount());
            case BOOLEAN -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case STRING -> Jsonp.createValue((String) value);
        };
    }

    /** Lenient on purpose: a value stored by an older version of the app that no longer fits reads as null. */
    Object fromJson(JsonValue json) {
        if (json == null || json == JsonValue.NULL) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER -> ((JsonNumber) json).intValueExact();
                case LONG -> ((JsonNumber) json).longValueExact();
                case FLOAT -> ((JsonNumber) json).doubleValue();
                case DECIMAL -> ((JsonNumber) json).bigDecimalValue();
                case CURRENCY -> Currency.cu(((JsonNumber) json).bigDecimalValue());
                case BOOLEAN -> json == JsonValue.TRUE ? Boolean.TRUE : json == JsonValue.FALSE ? Boolean.FALSE : null;
                case STRING -> ((JsonString) json).getString();
            };
        } catch (ClassCastException | ArithmeticException e) {
            return null;
        }
    }

    // --- forms ---

    /** A form input's text to a value; blank text is {@code null}. Numbers may have any number of decimals. */
    Object parse(String raw) throws InvalidValue {
        return parse(raw, -1);
    }

    /**
     * A form input's text to a value; blank text is {@code null}.
     *
     * @param currencyDecimalPlaces how many decimal places a Currency input may have (the settings' points or
     *                              real-world currency places; negative: any)
     */
    Object parse(String raw, int currencyDecimalPlaces) throws InvalidValue {
        if (raw == null || raw.isBlank()) {
            // an unticked checkbox is not sent at all: it means "no"
            return kind == Kind.BOOLEAN && widget == Widget.CHECKBOX ? Boolean.FALSE : null;
        }
        String text = kind == Kind.STRING ? raw : raw.strip();
        return switch (kind) {
            case INTEGER -> (int) NumberInput.whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> NumberInput.whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT -> NumberInput.floating(text);
            case DECIMAL -> NumberInput.decimal(text, -1);
            case CURRENCY -> Currency.cu(NumberInput.decimal(text, currencyDecimalPlaces));
            case BOOLEAN -> parseBoolean(text);
            case STRING -> {
                if (text.length() > maxLength) {
                    throw new InvalidValue("Ensure this value has at most " + maxLength + " characters (it has "
                            + text.length() + ").");
                }
                yield text;
            }
        };
    }

    private static Boolean parseBoolean(String text) throws InvalidValue {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> throw new InvalidValue("Select Yes or No.");
        };
    }

    /** How a value is written into a form input (and how bots send it). */
    public static String formText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** Checks one value against the field's rules; the message to show, or {@code null} if it is fine. */
    String check(Object model, Object value) {
        if (value == null) {
            return blank ? null : "This field is required.";
        }
        Object low = minMethod != null ? invoke(minMethod, model) : min;
        Object high = maxMethod != null ? invoke(maxMethod, model) : max;
        if (low != null && compare(value, low) < 0) {
            return "Ensure this value is greater than or equal to " + low + ".";
        }
        if (high != null && compare(value, high) > 0) {
            return "Ensure this value is less than or equal to " + high + ".";
        }
        List<Choice> options = choices(model);
        if (!options.isEmpty() && options.stream().noneMatch(c -> sameValue(c.value(), value))) {
            return "Select a valid choice.";
        }
        if (errorMethod != null) {
            Object message = invoke(errorMethod, model, value);
            if (message != null && !message.toString().isEmpty()) {
                return message.toString();
            }
        }
        return null;
    }

    Object min(Object model) {
        return minMethod != null ? invoke(minMethod, model) : min;
    }

    Object max(Object model) {
        return maxMethod != null ? invoke(maxMethod, model) : max;
    }

    /** The field's choices for this model object (dynamic ones from {@code <field>Choices()}), or none. */
    List<Choice> choices(Object model) {
        if (choicesMethod == null) {
            return choices;
        }
        Object result = invoke(choicesMethod, model);
        if (!(result instanceof Iterable<?> items)) {
            throw new IllegalStateException(where(field) + "Choices() must return a list");
        }
        List<Choice> list = new ArrayList<>();
        for (Object item : items) {
            list.add(item instanceof Choice c ? c : new Choice(item, String.valueOf(item)));
        }
        return list;
    }

    private boolean sameValue(Object choice, Object value) {
        if (choice == null) {
            return false;
        }
        if (kind == Kind.STRING || kind == Kind.BOOLEAN) {
            return choice.equals(value);
        }
        return compare(choice, value) == 0;
    }

    private int compare(Object a, Object b) {
        return decimal(a).compareTo(decimal(b));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Currency c) {
            return c.amount();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw new IllegalStateException("Not a number: " + value);
    }

    private static Object invoke(Method method, Object model, Object... args) {
        try {
            return method.invoke(model, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- start-up parsing ---

    private Object initialValue(String text, String where) {
        try {
            return parse(text);
        } catch (InvalidValue e) {
            throw new IllegalStateException(where + ": initial \"" + text + "\" is not of the field's type "
                    + field.getType().getSimpleName() + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The value a new row of this field starts with: {@code @Field(initial = ...)}, or else what the Java
     * initializer put in a new object of the model class ({@code null} for none).
     *
     * @param fresh a model object just made with its constructor without arguments
     */
    Object initialValue(Object fresh) {
        Object declared = read(fresh);
        boolean declaredSomething = declared != null
                && !(field.getType().isPrimitive() && declared.equals(primitiveDefault()));
        if (initial != null && declaredSomething && !declared.equals(initial)) {
            throw new IllegalStateException(where(field) + " has initial \"" + formText(initial)
                    + "\" and the Java initializer " + formText(declared) + "; give the initial value once");
        }
        return initial != null ? initial : declared;
    }

    private Object bound(String text, String where) {
        if (kind == Kind.BOOLEAN || kind == Kind.STRING) {
            throw new IllegalStateException(where + ": only number fields have a min or max");
        }
        try {
            return parse(text);
        } catch (InvalidValue e) {
            throw new IllegalStateException(where + " \"" + text + "\" is not a number of the field's type");
        }
    }

    private List<Choice> staticChoices(Field annotation, String where) {
        String[] values = annotation.choices();
        String[] labels = annotation.choiceLabels();
        if (labels.length != 0 && labels.length != values.length) {
            throw new IllegalStateException(where + ": choiceLabels must have as many entries as choices");
        }
        List<Choice> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object value;
            try {
                value = parse(values[i]);
            } catch (InvalidValue e) {
                throw new IllegalStateException(where + ": choice \"" + values[i] + "\" is not a "
                        + kind.name().toLowerCase(Locale.ROOT));
            }
            list.add(new Choice(value, labels.length == 0 ? values[i] : labels[i]));
        }
        return List.copyOf(list);
    }

    private static Widget widgetOf(Field annotation) {
        return annotation == null ? Widget.DEFAULT : annotation.widget();
    }

    /** The model class's method of this name and parameters, inherited or its own, or {@code null}. */
    private static Method hook(Class<?> owner, String name, Class<?>... parameters) {
        // a walk over the declared methods: getMethod's NoSuchMethodException for every field without a hook
        // cost more than the rest of an app's start-up checks together
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && !method.isBridge()
                        && Arrays.equals(method.getParameterTypes(), parameters)) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        return null;
    }

    static Kind kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return Kind.INTEGER;
        }
        if (type == Long.class || type == long.class) {
            return Kind.LONG;
        }
        if (type == Double.class || type == double.class) {
            return Kind.FLOAT;
        }
        if (type == BigDecimal.class) {
            return Kind.DECIMAL;
        }
        if (type == Currency.class) {
            return Kind.CURRENCY;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == String.class) {
            return Kind.STRING;
        }
        return null;
    }

    private static String where(java.lang.reflect.Field f) {
        return f.getDeclaringClass().getSimpleName() + "." + f.getName();
    }

    /** "sentBackAmount" → "Sent back amount"; "age_2" → "Age 2". */
    static String words(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                out.append(' ');
            } else if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }

    /** A form value the field cannot take; the message is for the participant. */
    static final class InvalidValue extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidValue(String message) {
            super(message, null, false, false);
        }
    }
}
