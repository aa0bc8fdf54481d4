package org.arborlab.control.settings;

import java.util.Set;

/** How payoffs are shown and converted: oTree's REAL_WORLD_CURRENCY_* and POINTS_* settings. */
public record CurrencySettings(String realWorldCurrencyCode, int realWorldCurrencyDecimalPlaces,
        boolean usePoints, int pointsDecimalPlaces) {

    /** Currencies with no minor unit in oTree's table. */
    static final Set<String> ZERO_DECIMAL_CURRENCIES = Set.of("KRW", "JPY", "HUF", "IRR", "COP", "VND", "IDR");

    static int defaultDecimalPlaces(String currencyCode) {
        return ZERO_DECIMAL_CURRENCIES.contains(currencyCode) ? 0 : 2;
    }
}
