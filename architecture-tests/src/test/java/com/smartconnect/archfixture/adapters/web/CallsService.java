package com.smartconnect.archfixture.adapters.web;

import com.smartconnect.archfixture.application.billing.BillingService;
import com.smartconnect.archfixture.application.signup.SignUpService;

/** Breaks "adapters use the ports only": a route that calls a service instead of its inbound port. */
public final class CallsService {

    void handle(BillingService billing) {
        billing.bill(new SignUpService());
    }
}
