package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.AccountDeletions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link AccountDeletions} in a list. */
public final class InMemoryAccountDeletions implements AccountDeletions {

    private final List<Instant> deletedAt = new ArrayList<>();

    @Override
    public synchronized void record(UUID id, Instant at) {
        deletedAt.add(at);
    }

    public synchronized List<Instant> deletedAt() {
        return List.copyOf(deletedAt);
    }
}
