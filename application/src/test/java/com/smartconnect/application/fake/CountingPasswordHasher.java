package com.smartconnect.application.fake;

import com.smartconnect.application.common.port.out.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link PlainTextPasswordHasher} that counts its work, to show two paths cost the same. */
public final class CountingPasswordHasher implements PasswordHasher {

    private final PasswordHasher hasher = new PlainTextPasswordHasher();
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(String password) {
        hashes.incrementAndGet();
        return hasher.hash(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        return hasher.matches(password, hash);
    }

    public int hashes() {
        return hashes.get();
    }

    /** How many passwords were checked against a hash. */
    public int checks() {
        return checks.get();
    }
}
