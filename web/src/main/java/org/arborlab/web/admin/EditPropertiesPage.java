package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arborlab.control.ArborException;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.admin.SessionInfo;

/**
 * {@code /SessionEditProperties/<code>}: label, comment, participation fee and currency per point. A value that
 * is not a decimal number is shown with "Not a valid decimal value" and nothing is saved.
 */
@Named
@RequestScoped
public class EditPropertiesPage {
    static final String NOT_DECIMAL = "Not a valid decimal value";

    @Inject
    SessionAdminService service;

    @Inject
    SessionTab tab;

    @Inject
    AdminRequest request;

    @Inject
    Access access;

    private final Map<String, String> errors = new LinkedHashMap<>();

    public Map<String, String> getErrors() {
        return errors;
    }

    /** The value to show in an input: what was submitted, else the session's. */
    public String value(String name) {
        if (request.isPost() && request.param(name) != null) {
            return request.param(name);
        }
        SessionInfo info = tab.getInfo();
        return switch (name) {
            case "label" -> info.label();
            case "comment" -> info.comment();
            case "participation_fee" -> info.participationFee().toPlainString();
            case "real_world_currency_per_point" -> info.realWorldCurrencyPerPoint().toPlainString();
            default -> "";
        };
    }

    public void post() {
        if (!request.isPost()) {
            if ("1".equals(request.param("updated"))) {
                request.info("Properties have been updated");
            }
            return;
        }
        if (request.refuseUnless(access.isExperimenter())) {
            return;
        }
        BigDecimal fee = decimal("participation_fee", 2);
        BigDecimal rate = decimal("real_world_currency_per_point", 6);
        if (!errors.isEmpty()) {
            request.error("Nothing was saved: please correct the fields marked below.");
            return;
        }
        try {
            service.editProperties(request.getCode(), request.param("label"), request.param("comment"), fee, rate);
            request.redirect("/SessionEditProperties/" + request.getCode() + "?updated=1");
        } catch (ArborException e) {
            request.error("Nothing was saved: " + e.getMessage());
        }
    }

    /** oTree's DecimalField: a plain decimal number with at most {@code places} decimal places, at least 0. */
    private BigDecimal decimal(String name, int places) {
        String raw = request.param(name);
        if (raw == null || !raw.matches("\\d{1,12}(\\.\\d+)?")) {
            errors.put(name, NOT_DECIMAL);
            return null;
        }
        BigDecimal value = new BigDecimal(raw);
        if (value.stripTrailingZeros().scale() > places) {
            errors.put(name, "At most " + places + " decimal places");
            return null;
        }
        return value;
    }
}
