package com.smartconnect.archfixture.adapters.mail;

/** Breaks: adapters do not depend on one another. */
public class CallsPersistence {
    com.smartconnect.archfixture.adapters.persistence.CallsMail other;
}
