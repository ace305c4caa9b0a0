package com.smartconnect.archfixture.adapters.web;

/** Breaks: adapters do not depend on one another. */
public class CallsPersistence {
    com.smartconnect.archfixture.adapters.persistence.CallsMail other;
}
