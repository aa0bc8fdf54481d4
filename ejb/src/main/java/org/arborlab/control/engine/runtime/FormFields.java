package org.arborlab.control.engine.runtime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arborlab.control.engine.runtime.PageView.ChoiceView;
import org.arborlab.control.engine.runtime.PageView.FieldView;
import org.arborlab.spi.Choice;
import org.arborlab.spi.Widget;

/** Builds the inputs of a form page from the fields' specs and values. */
final class FormFields {

    private FormFields() {
    }

    /**
     * @param submitted the raw texts the participant sent (shown again after an error), or null to show the
     *                  stored values
     */
    static List<FieldView> views(List<FieldSpec> specs, Object model, Map<String, String> submitted,
            Map<String, String> errors, CurrencyFormat currency) {
        List<FieldView> views = new ArrayList<>();
        for (FieldSpec spec : specs) {
            String value = submitted != null ? submitted.getOrDefault(spec.name(), "")
                    : FieldSpec.formText(spec.read(model));
            views.add(view(spec, model, value, errors.get(spec.name()), currency));
        }
        return views;
    }

    private static FieldView view(FieldSpec spec, Object model, String value, String error, CurrencyFormat currency) {
        List<Choice> choices = spec.choices(model);
        List<ChoiceView> options = new ArrayList<>();
        String input;
        if (spec.kind() == FieldSpec.Kind.BOOLEAN) {
            if (spec.widget() == Widget.CHECKBOX) {
                input = "checkbox";
            } else {
                input = spec.widget() == Widget.RADIO_HORIZONTAL ? "radio-inline" : "radio";
                if (choices.isEmpty()) {
                    choices = List.of(new Choice(Boolean.TRUE, "Yes"), new Choice(Boolean.FALSE, "No"));
                }
            }
        } else if (!choices.isEmpty()) {
            input = switch (spec.widget()) {
                case RADIO -> "radio";
                case RADIO_HORIZONTAL -> "radio-inline";
                default -> "select";
            };
        } else if (spec.kind() == FieldSpec.Kind.STRING) {
            input = spec.widget() == Widget.TEXTAREA ? "textarea" : "text";
        } else {
            input = "number";
        }
        for (Choice choice : choices) {
            String text = FieldSpec.formText(choice.value());
            options.add(new ChoiceView(text, choice.label(), text.equals(value)));
        }
        return new FieldView(spec.name(), spec.label(), input, value, FieldSpec.formText(spec.min(model)),
                FieldSpec.formText(spec.max(model)), step(spec, currency), !spec.blank(), options, error);
    }

    private static String step(FieldSpec spec, CurrencyFormat currency) {
        return switch (spec.kind()) {
            case INTEGER, LONG -> "1";
            case CURRENCY -> BigDecimal.ONE.movePointLeft(currency.decimalPlaces()).toPlainString();
            default -> "any";
        };
    }
}
