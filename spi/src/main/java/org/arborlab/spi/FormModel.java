package org.arborlab.spi;

/** Whose fields a page's form fills in (oTree's {@code form_model}). */
public enum FormModel {
    PLAYER,
    GROUP
}
