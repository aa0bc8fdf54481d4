package org.arborlab.control.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.control.engine.runtime.CurrencyFormat;
import org.arborlab.control.session.Payoffs;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.CurrencySettings;
import org.arborlab.control.settings.Settings;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;

/**
 * The Payments tab: each participant's payoff in real-world currency (points × the session's
 * real_world_currency_per_point, rounded to the currency's places) plus the participation fee.
 */
@Stateless
public class PaymentsService {

    @Inject
    SessionService sessions;

    @Inject
    SettingsService settingsService;

    /** @throws org.arborlab.control.NotFoundException for an unknown session */
    public Payments payments(String code) {
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        Session session = sessions.require(new SessionCode(code));
        Settings settings = settingsService.settings();
        CurrencySettings currency = settings.currency();
        JsonObject config = session.getConfig();
        BigDecimal fee = Payoffs.participationFee(config, currency);
        List<Payments.Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(currency.realWorldCurrencyDecimalPlaces());
        for (Participant p : sessions.participants(session)) {
            BigDecimal payoff = Payoffs.inRealWorldCurrency(p.getPayoff(), config, currency);
            BigDecimal sum = payoff.add(fee);
            total = total.add(sum);
            rows.add(new Payments.Row(p.getIdInSession(), p.getCode().value(),
                    p.getLabel() == null ? "" : p.getLabel().value(),
                    Math.min(p.getIndexInPages(), p.getMaxPageIndex()) + "/" + p.getMaxPageIndex(),
                    isTrue(p.getVars().get("finished")), payoff, money(payoff, currency), sum, money(sum, currency)));
        }
        BigDecimal mean = rows.isEmpty() ? BigDecimal.ZERO.setScale(currency.realWorldCurrencyDecimalPlaces())
                : total.divide(BigDecimal.valueOf(rows.size()), currency.realWorldCurrencyDecimalPlaces(),
                        RoundingMode.HALF_UP);
        return new Payments(session.getConfigName(), session.getCode().value(), money(fee, currency),
                settings.participantFields().contains("finished"), rows, total, money(total, currency), mean,
                money(mean, currency));
    }

    private static String money(BigDecimal amount, CurrencySettings currency) {
        return CurrencyFormat.money(amount, currency.realWorldCurrencyCode());
    }

    /** oTree shows 1 for a truthy {@code participant.finished}. */
    private static boolean isTrue(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonNumber n && n.bigDecimalValue().signum() != 0;
    }

    /**
     * The tab's tables.
     *
     * @param showFinished whether {@code finished} is one of PARTICIPANT_FIELDS (the column only shows then)
     */
    public record Payments(String configName, String sessionCode, String participationFee, boolean showFinished,
            List<Row> rows, BigDecimal total, String totalText, BigDecimal mean, String meanText) {

        /** One participant: payoff is the bonus in real-world currency, total adds the participation fee. */
        public record Row(int idInSession, String code, String label, String progress, boolean finished,
                BigDecimal payoff, String payoffText, BigDecimal total, String totalText) {
        }
    }
}
