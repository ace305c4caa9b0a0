package com.smartconnect.application.common.port.out;

/** Turns passwords into slow, salted hashes, and checks a password against one. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
