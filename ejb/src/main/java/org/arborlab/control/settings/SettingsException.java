package org.arborlab.control.settings;

/** The settings file is wrong; the message says where and how, and start-up stops. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
