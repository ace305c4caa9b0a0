package com.smartconnect.archfixture.adapters.persistence;

/** Breaks: adapters do not depend on one another. */
public class CallsMail {
    com.smartconnect.archfixture.adapters.mail.CallsPersistence other;
}
