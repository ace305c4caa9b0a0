package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.registration.port.in.ResendCodeCommand;
import com.smartconnect.application.account.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.account.registration.port.in.ResendResult;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationStatus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mails a new sign-up code, at most once a minute and at most {@link com.smartconnect.domain.common.CodeChallenge#MAX_CODES}
 * codes in all. The new code replaces the old one and starts a fresh
 * 15 minutes and five tries; a sign-up made with an address that had an account gets its note again instead.
 */
public final class ResendCodeService implements ResendCodeUseCase {

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final RegistrationRepository registrations;
    private final MailOutbox outbox;
    private final SignUpMails mails;

    @Inject
    public ResendCodeService(Clock clock, RandomSource random, PasswordHasher passwordHasher, Transactions transactions,
            RegistrationRepository registrations, MailOutbox outbox, SignUpMails mails) {
        this.clock = clock;
        this.random = random;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.registrations = registrations;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public ResendResult resend(ResendCodeCommand command) {
        return transactions.inTransaction(() -> registrations.findForUpdate(command.registrationId())
                .map(this::resend)
                .orElseGet(ResendResult.NotFound::new));
    }

    private ResendResult resend(Registration registration) {
        if (registration.status() == RegistrationStatus.VERIFIED) {
            return new ResendResult.AlreadyVerified();
        }
        Instant now = clock.instant();
        Duration wait = registration.waitBeforeResend(now);
        if (!wait.isZero()) {
            return new ResendResult.TooSoon(wait);
        }
        if (!registration.challenge().mayReissue()) {
            return new ResendResult.LimitReached();
        }
        String code = random.digits(VerificationCodes.LENGTH);
        Registration renewed = registration.withNewCode(passwordHasher.hash(code), now);
        registrations.update(renewed);
        outbox.enqueue(mails.forRegistration(renewed, code));
        return new ResendResult.Sent();
    }
}
