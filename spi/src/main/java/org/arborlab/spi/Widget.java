package org.arborlab.spi;

/** How a form field is shown. */
public enum Widget {
    /** A number or text box; a drop-down for choices; Yes/No buttons for a boolean. */
    DEFAULT,
    /** Radio buttons, one per line (choices or booleans). */
    RADIO,
    /** Radio buttons on one line (choices or booleans), e.g. for a Likert scale. */
    RADIO_HORIZONTAL,
    /** A multi-line text box (string fields). */
    TEXTAREA,
    /** A single checkbox (boolean fields; unchecked means {@code false}). */
    CHECKBOX
}
