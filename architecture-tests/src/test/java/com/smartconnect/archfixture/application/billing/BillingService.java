package com.smartconnect.archfixture.application.billing;

import com.smartconnect.archfixture.application.signup.SignUpService;

/** Breaks the hierarchy of application contexts: billing and sign-up call each other. */
public final class BillingService {

    public void bill(SignUpService signUp) {
        signUp.signUp(this);
    }
}
