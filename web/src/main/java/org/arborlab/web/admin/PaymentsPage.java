package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.arborlab.control.admin.PaymentsService;

/** {@code /SessionPayments/<code>}. */
@Named
@RequestScoped
public class PaymentsPage {

    @Inject
    PaymentsService service;

    @Inject
    AdminRequest request;

    private PaymentsService.Payments payments;

    public PaymentsService.Payments getPayments() {
        if (payments == null) {
            payments = service.payments(request.getCode());
        }
        return payments;
    }
}
