package com.smartconnect.bootstrap;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.smartconnect.application.common.port.out.PasswordHasher;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Argon2id at OWASP's recommended minimum (19 MiB of memory, 2 iterations, 1 lane) with a 16-byte random
 * salt, in the PHC string format, so the parameters travel with each hash and can be raised later.
 */
final class Argon2PasswordHasher implements PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function argon2;
    /**
     * Each hash takes 19 MiB: a burst of sign-ups must queue for the cores rather than all allocate at once and
     * exhaust the heap. More hashes at once than cores would not finish sooner anyway.
     */
    private final Semaphore slots = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);

    Argon2PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS);
    }

    /**
     * Argon2id at a cost of one's own: tests that measure the request path run the same code at a cost small enough
     * that the work around the hash still shows.
     */
    Argon2PasswordHasher(int memoryKib, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, HASH_BYTES, Argon2.ID);
    }

    @Override
    public String hash(String password) {
        return inSlot(() -> Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult());
    }

    @Override
    public boolean matches(String password, String hash) {
        return inSlot(() -> {
            try {
                return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            } catch (RuntimeException notAnArgon2Hash) {
                return false;
            }
        });
    }

    private <T> T inSlot(Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
