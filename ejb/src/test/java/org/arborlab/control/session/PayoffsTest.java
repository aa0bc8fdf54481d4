package org.arborlab.control.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.arborlab.control.settings.CurrencySettings;
import org.junit.jupiter.api.Test;

class PayoffsTest {
    private static final JsonObject CONFIG = Json.createObjectBuilder()
            .add("real_world_currency_per_point", new BigDecimal("0.125"))
            .add("participation_fee", new BigDecimal("2.5")).build();

    @Test
    void pointsAreConvertedAndRoundedToTheCurrency() {
        CurrencySettings usd = new CurrencySettings("USD", 2, true, 0);
        assertEquals(new BigDecimal("1.63"), Payoffs.inRealWorldCurrency(new BigDecimal("13"), CONFIG, usd));
        assertEquals(new BigDecimal("2.50"), Payoffs.participationFee(CONFIG, usd));
        CurrencySettings jpy = new CurrencySettings("JPY", 0, true, 0);
        assertEquals(new BigDecimal("2"), Payoffs.inRealWorldCurrency(new BigDecimal("13"), CONFIG, jpy));
    }

    @Test
    void withoutPointsThePayoffIsAlreadyMoney() {
        CurrencySettings eur = new CurrencySettings("EUR", 2, false, 0);
        assertEquals(new BigDecimal("13.00"), Payoffs.inRealWorldCurrency(new BigDecimal("13"), CONFIG, eur));
    }
}
