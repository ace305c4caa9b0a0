package com.smartconnect.archfixture.application;

/** Breaks: time comes from the injected clock (System.currentTimeMillis). */
public class ReadsSystemTime {
    long now() {
        return System.currentTimeMillis();
    }
}
