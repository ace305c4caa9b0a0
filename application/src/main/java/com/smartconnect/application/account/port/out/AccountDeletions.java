package com.smartconnect.application.account.port.out;

import java.time.Instant;
import java.util.UUID;

/** The record that an account was deleted, and when: nothing else of the person is kept. */
public interface AccountDeletions {

    void record(UUID id, Instant deletedAt);
}
