package com.smartconnect.archfixture.domain;

import java.security.SecureRandom;

/** Breaks: randomness comes from the port (a SecureRandom of its own). */
public class DrawsFromSecureRandom {
    int draw() {
        return new SecureRandom().nextInt();
    }
}
