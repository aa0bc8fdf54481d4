package org.arborlab.control.engine.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.arborlab.control.engine.storage.Storage;
import org.arborlab.control.settings.CurrencySettings;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Session;

/**
 * The one way to open a {@link ModelScope}: with the installed apps and the settings' currency. On the server a
 * CDI bean; in a plain test made by {@link #of}.
 */
@ApplicationScoped
public class ModelScopes {

    @Inject
    AppRegistry apps;

    @Inject
    SettingsService settings;

    private CurrencySettings fixedCurrency;

    /** Scopes over these apps with this currency, outside a container. */
    public static ModelScopes of(AppRegistry apps, CurrencySettings currency) {
        ModelScopes scopes = new ModelScopes();
        scopes.apps = apps;
        scopes.fixedCurrency = currency;
        return scopes;
    }

    public AppRegistry apps() {
        return apps;
    }

    public CurrencyFormat currency() {
        return new CurrencyFormat(fixedCurrency != null ? fixedCurrency : settings.settings().currency());
    }

    /** A scope over a session's rows, which other transactions may change at the same time (rows are locked). */
    public ModelScope open(Storage storage, Session session) {
        return new ModelScope(storage, apps, currency(), session, false);
    }

    /**
     * A scope for readers that change nothing (exports): extra models' records are read as values that do not
     * stay in the unit of work, and creating or deleting them is refused.
     */
    public ModelScope reading(Storage storage, Session session) {
        return new ModelScope(storage, apps, currency(), session, false, true);
    }

    /** A scope over a session being created: every row is new and this transaction's, so nothing is locked. */
    public ModelScope creating(Storage storage, Session session) {
        return new ModelScope(storage, apps, currency(), session, true);
    }
}
