package org.arborlab.control.engine.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.arborlab.control.settings.CurrencySettings;
import org.arborlab.spi.Currency;

/** Shows and rounds {@link Currency} amounts as the settings say: "10 points", or "$2.50" without points. */
public final class CurrencyFormat {
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥",
            "CNY", "¥", "INR", "₹", "KRW", "₩", "AUD", "A$", "CAD", "C$");

    private final CurrencySettings settings;

    public CurrencyFormat(CurrencySettings settings) {
        this.settings = settings;
    }

    /** Decimal places a stored Currency keeps: points' or the real-world currency's. */
    public int decimalPlaces() {
        return settings.usePoints() ? settings.pointsDecimalPlaces() : settings.realWorldCurrencyDecimalPlaces();
    }

    public Currency round(Currency amount) {
        return amount.rounded(decimalPlaces());
    }

    public String format(Currency amount) {
        BigDecimal value = amount.amount().setScale(decimalPlaces(), RoundingMode.HALF_UP);
        if (settings.usePoints()) {
            String number = value.toPlainString();
            return number + (value.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
        }
        return money(value, settings.realWorldCurrencyCode());
    }

    /** A real-world amount, e.g. "$7.50" or "7.50 CHF". */
    public static String money(BigDecimal value, String code) {
        String symbol = SYMBOLS.get(code);
        String number = value.abs().toPlainString();
        String sign = value.signum() < 0 ? "-" : "";
        return symbol != null ? sign + symbol + number : sign + number + " " + code;
    }
}
