package org.arborlab.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a field of a player, group or subsession class for forms and validation (oTree's
 * {@code models.IntegerField(label=..., min=..., ...)}).
 *
 * <p>Every public non-static field of a supported type is stored, annotated or not; the annotation only adds the
 * label and the rules. Supported types: {@code Integer}/{@code int}, {@code Long}/{@code long},
 * {@code Double}/{@code double}, {@code BigDecimal}, {@link Currency}, {@code Boolean}/{@code boolean},
 * {@code String}. A boxed field is {@code null} until set (oTree's {@code None}).
 *
 * <p>Bounds and choices can also depend on the data: give the class a method named after the field,
 * {@code sentBackAmountMax()}, {@code sentBackAmountMin()}, {@code ageChoices()} (a list of values or
 * {@link Choice}s), or {@code ageErrorMessage(Integer value)} returning a message or {@code null}. A method
 * named like such a hook whose signature does not fit (e.g. {@code ageErrorMessage(int)} for an {@code Integer}
 * field) stops start-up.
 *
 * <p>A field starts with the value of {@link #initial()}, or else of its Java initializer
 * ({@code public Boolean isWinner = false;}); it is stored with every new row, shown in forms and exported.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {

    /** The question shown next to the input; defaults to the field name in words ("sentAmount" → "Sent amount"). */
    String label() default "";

    /** Smallest allowed value, written as a number ("0", "2.5"); empty for none. */
    String min() default "";

    /** Largest allowed value; empty for none. */
    String max() default "";

    /** The allowed values, written as text in the field's type ("1", "2", "yes"). Empty for free input. */
    String[] choices() default {};

    /** Labels shown for {@link #choices()}, in the same order; empty to show the values themselves. */
    String[] choiceLabels() default {};

    /** Whether the participant may leave the field empty (then it stays {@code null}). */
    boolean blank() default false;

    /** Longest text a string field accepts. */
    int maxLength() default 10_000;

    /** How the input looks; {@link Widget#DEFAULT} picks one from the type and choices. */
    Widget widget() default Widget.DEFAULT;

    /**
     * The value a new row starts with, written as text in the field's type ("0", "2.5", "true", "none yet"), as
     * oTree's {@code initial=}; empty for none (then the Java initializer's value, if any, or {@code null}).
     */
    String initial() default "";

    /** A description for the data export's documentation; not shown to participants. */
    String doc() default "";
}
