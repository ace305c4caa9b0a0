package com.smartconnect.application.fake;

import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RegistrationRepository} in a map. */
public final class InMemoryRegistrations implements RegistrationRepository {

    private final Map<RegistrationId, Registration> byId = new ConcurrentHashMap<>();

    @Override
    public void add(Registration registration) {
        if (byId.putIfAbsent(registration.id(), ColumnPrecision.of(registration)) != null) {
            throw new IllegalStateException("duplicate registration " + registration.id());
        }
    }

    @Override
    public Optional<Registration> findForUpdate(RegistrationId id) {
        return findById(id);
    }

    @Override
    public Optional<Registration> findById(RegistrationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Registration> latestPendingForNewAccount(EmailAddress email) {
        return byId.values().stream()
                .filter(r -> r.email().equals(email) && r.details().isPresent()
                        && r.status() == com.smartconnect.domain.registration.RegistrationStatus.PENDING)
                .max(java.util.Comparator.comparing(Registration::createdAt));
    }

    @Override
    public void deleteAllOf(EmailAddress email) {
        byId.values().removeIf(r -> r.email().equals(email));
    }

    @Override
    public int countCreatedSince(EmailAddress email, Instant since) {
        return (int) byId.values().stream()
                .filter(r -> r.email().equals(email) && !r.createdAt().isBefore(since))
                .count();
    }

    @Override
    public void update(Registration registration) {
        if (byId.replace(registration.id(), ColumnPrecision.of(registration)) == null) {
            throw new IllegalStateException("unknown registration " + registration.id());
        }
    }
}
