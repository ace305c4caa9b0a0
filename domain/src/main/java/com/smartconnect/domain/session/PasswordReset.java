package com.smartconnect.domain.session;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A password reset link sent by e-mail, known by the hash of its token. It works once, within an hour of being sent.
 *
 * @param usedAt when the link set a new password, or was retired because another one did
 */
public record PasswordReset(UUID id, String tokenHash, AccountId accountId, Instant createdAt, Instant expiresAt,
        Optional<Instant> usedAt) {

    public static final Duration VALIDITY = Duration.ofHours(1);
    /** Reset mails one account may be sent per {@link #REQUEST_WINDOW}, so that nobody can flood its mailbox. */
    public static final int MAX_REQUESTS = 3;
    public static final Duration REQUEST_WINDOW = Duration.ofHours(1);

    public PasswordReset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    public static PasswordReset issue(UUID id, String tokenHash, AccountId accountId, Instant now) {
        return new PasswordReset(id, tokenHash, accountId, now, now.plus(VALIDITY), Optional.empty());
    }

    /** Whether the link still sets a password at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return usedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
