package com.smartconnect.application.account.session.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The failed logins of recent minutes, counted per key: an e-mail address ({@code email:...}) or a client address
 * ({@code client:...}). Only the counts and times are kept, never the passwords tried.
 */
public interface LoginFailures {

    /**
     * Makes the logins of {@code key} wait for one another until the current transaction ends, on every instance:
     * without it, a burst of parallel attempts would all read the count before any failure of the burst is written.
     */
    void lock(String key);

    void record(String key, Instant at);

    /** The failures of {@code key} at or after {@code since}, and when the last of them was. */
    Recent since(String key, Instant since);

    /** Forgets the failures of {@code key}, after a successful login. */
    void clear(String key);

    /** A count of failures and the time of the newest one (empty when there are none). */
    record Recent(int count, Optional<Instant> last) {
    }
}
