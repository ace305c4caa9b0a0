package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.PasswordHasher;

/** A fast stand-in for the slow production hasher in service tests: marks the hash so it is never the password. */
public final class PlainTextPasswordHasher implements PasswordHasher {

    @Override
    public String hash(String password) {
        return "test-hash:" + new StringBuilder(password).reverse();
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash(password).equals(hash);
    }
}
