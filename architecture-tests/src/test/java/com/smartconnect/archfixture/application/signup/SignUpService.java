package com.smartconnect.archfixture.application.signup;

import com.smartconnect.archfixture.application.billing.BillingService;

/** Breaks the hierarchy of application contexts: sign-up and billing call each other. */
public final class SignUpService {

    public void signUp(BillingService billing) {
        billing.bill(this);
    }
}
