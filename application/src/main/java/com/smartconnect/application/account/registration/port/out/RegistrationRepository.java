package com.smartconnect.application.account.registration.port.out;

import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import java.time.Instant;
import java.util.Optional;

/** Where sign-ups are kept until they are verified (and after, as a record of it). */
public interface RegistrationRepository {

    void add(Registration registration);

    /** The sign-up, locked until the current transaction ends so that two tries of a code cannot interleave. */
    Optional<Registration> findForUpdate(RegistrationId id);

    Optional<Registration> findById(RegistrationId id);

    /**
     * The newest sign-up of {@code email} that would create a new account and is not verified yet: what a person
     * who logs in before entering their code has.
     */
    Optional<Registration> latestPendingForNewAccount(EmailAddress email);

    /** Deletes every sign-up of {@code email}, with the personal details they hold. */
    void deleteAllOf(EmailAddress email);

    /** How many sign-ups were made with {@code email} at or after {@code since}. */
    int countCreatedSince(EmailAddress email, Instant since);

    /** Saves the new state of a sign-up that {@link #add} stored before. */
    void update(Registration registration);
}
