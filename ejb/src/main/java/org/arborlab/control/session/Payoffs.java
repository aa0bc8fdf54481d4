package org.arborlab.control.session;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.arborlab.control.settings.CurrencySettings;

/** Converts payoffs in points to real-world currency with the session's config, as oTree does. */
public final class Payoffs {

    private Payoffs() {
    }

    /**
     * {@code payoff × real_world_currency_per_point} (or the payoff itself without points), rounded half-up to
     * the currency's decimal places.
     */
    public static BigDecimal inRealWorldCurrency(BigDecimal payoff, JsonObject sessionConfig,
            CurrencySettings currency) {
        BigDecimal amount = currency.usePoints() ? payoff.multiply(number(sessionConfig,
                "real_world_currency_per_point", BigDecimal.ONE)) : payoff;
        return amount.setScale(currency.realWorldCurrencyDecimalPlaces(), RoundingMode.HALF_UP);
    }

    public static BigDecimal participationFee(JsonObject sessionConfig, CurrencySettings currency) {
        return number(sessionConfig, "participation_fee", BigDecimal.ZERO)
                .setScale(currency.realWorldCurrencyDecimalPlaces(), RoundingMode.HALF_UP);
    }

    private static BigDecimal number(JsonObject config, String key, BigDecimal otherwise) {
        JsonValue value = config.get(key);
        return value instanceof JsonNumber n ? n.bigDecimalValue() : otherwise;
    }
}
