package org.arborlab.control.engine.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.arborlab.spi.Currency;

/**
 * Start-up check of the methods of a player, group or subsession class that are named like a field's hook
 * ({@code <field>Min()}, {@code <field>Max()}, {@code <field>Choices()}, {@code <field>ErrorMessage(value)}): a
 * hook Arbor would not call (wrong parameters or return type, oTree's {@code age_max} spelling, another case, a
 * field of the app's other class) stops start-up with a message that says what the hook must look like, rather
 * than being silently ignored.
 */
final class FieldHooks {
    /** A hook's name suffix and what it is for. */
    private enum Hook {
        MIN("Min", "_min"), MAX("Max", "_max"), CHOICES("Choices", "_choices"),
        ERROR_MESSAGE("ErrorMessage", "_error_message");

        final String suffix;
        final String otreeSuffix;

        Hook(String suffix, String otreeSuffix) {
            this.suffix = suffix;
            this.otreeSuffix = otreeSuffix;
        }
    }

    private FieldHooks() {
    }

    /**
     * @param modelClass  the class whose methods are checked
     * @param baseClass   its Arbor base class (where the search stops)
     * @param fields      its stored fields
     * @param otherFields the app's other model classes' fields, by class simple name
     */
    static void check(Class<?> modelClass, Class<?> baseClass, List<FieldSpec> fields,
            Map<String, List<FieldSpec>> otherFields) {
        for (Class<?> c = modelClass; c != null && c != baseClass && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isSynthetic() && !method.isBridge()) {
                    check(modelClass, method, fields, otherFields);
                }
            }
        }
    }

    private static void check(Class<?> modelClass, Method method, List<FieldSpec> fields,
            Map<String, List<FieldSpec>> otherFields) {
        String name = method.getName();
        String where = modelClass.getSimpleName() + "." + signature(method);
        for (Hook hook : Hook.values()) {
            if (name.endsWith(hook.suffix) && name.length() > hook.suffix.length()) {
                String fieldName = name.substring(0, name.length() - hook.suffix.length());
                Optional<FieldSpec> field = find(fields, fieldName);
                if (field.isPresent()) {
                    String problem = problem(hook, method, field.get());
                    if (problem != null) {
                        throw new IllegalStateException(where + " is named like the " + hook.suffix + " hook of field "
                                + fieldName + ", but " + problem + ". It must be " + expected(hook, field.get()));
                    }
                    return;
                }
                otherFields.forEach((owner, theirs) -> find(theirs, fieldName).ifPresent(f -> {
                    throw new IllegalStateException(where + " is named like a hook of field " + fieldName
                            + ", which is a field of " + owner + ", not of " + modelClass.getSimpleName()
                            + ": put the hook in " + owner);
                }));
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(hook.suffix.toLowerCase(Locale.ROOT))
                    || name.endsWith(hook.otreeSuffix)) {
                String stem = name.endsWith(hook.otreeSuffix) ? name.substring(0, name.length() - hook.otreeSuffix.length())
                        : name.substring(0, name.length() - hook.suffix.length());
                for (FieldSpec field : fields) {
                    String hookName = field.name() + hook.suffix;
                    if (!hookName.equals(name) && (field.name().equalsIgnoreCase(stem) || field.name().equals(
                            camel(stem)))) {
                        throw new IllegalStateException(where + " is not called by Arbor: the " + hook.suffix
                                + " hook of field " + field.name() + " is named " + hookName + ". It must be "
                                + expected(hook, field));
                    }
                }
            }
        }
    }

    /** What is wrong with a method named like a hook of this field, or {@code null} if it is a fine hook. */
    private static String problem(Hook hook, Method method, FieldSpec field) {
        Class<?> returns = method.getReturnType();
        Class<?>[] parameters = method.getParameterTypes();
        if (Modifier.isStatic(method.getModifiers())) {
            return "it is static";
        }
        switch (hook) {
            case MIN, MAX -> {
                if (field.kind() == FieldSpec.Kind.BOOLEAN || field.kind() == FieldSpec.Kind.STRING) {
                    return "only number fields have a min or max";
                }
                if (parameters.length != 0) {
                    return "it takes parameters";
                }
                if (!isNumber(returns)) {
                    return "it returns " + returns.getSimpleName();
                }
            }
            case CHOICES -> {
                if (parameters.length != 0) {
                    return "it takes parameters";
                }
                if (!Iterable.class.isAssignableFrom(returns)) {
                    return "it returns " + returns.getSimpleName() + ", not a list";
                }
            }
            case ERROR_MESSAGE -> {
                if (parameters.length != 1 || parameters[0] != field.type()) {
                    return "it takes " + (parameters.length == 0 ? "no value"
                            : Arrays.stream(parameters).map(Class::getSimpleName).collect(Collectors.joining(", ")))
                            + " where Arbor passes the field's " + field.type().getSimpleName();
                }
                if (returns != String.class) {
                    return "it returns " + returns.getSimpleName() + ", not a String";
                }
            }
        }
        return null;
    }

    private static String expected(Hook hook, FieldSpec field) {
        String type = field.type().getSimpleName();
        return switch (hook) {
            case MIN, MAX -> "public " + type + " " + field.name() + hook.suffix + "()";
            case CHOICES -> "public List<" + type + "> " + field.name() + "Choices() (or List<Choice>)";
            case ERROR_MESSAGE -> "public String " + field.name() + "ErrorMessage(" + type
                    + " value), returning a message or null";
        };
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == Currency.class || type == int.class
                || type == long.class || type == double.class;
    }

    private static Optional<FieldSpec> find(List<FieldSpec> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** oTree's snake_case to Java's camelCase: "sent_back_amount" → "sentBackAmount". */
    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String signature(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }
}
