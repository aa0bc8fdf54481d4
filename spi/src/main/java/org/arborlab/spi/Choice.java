package org.arborlab.spi;

/** One option of a field with choices: the stored value and the text the participant sees. */
public record Choice(Object value, String label) {

    public static Choice of(Object value, String label) {
        return new Choice(value, label);
    }
}
