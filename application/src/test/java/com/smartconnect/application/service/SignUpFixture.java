package com.smartconnect.application.service;

import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryCoworkerInvitations;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryRegistrations;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.CountingPasswordHasher;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.fake.InMemoryLoginChallenges;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryMailedCodes;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.InMemoryTwoFactor;
import com.smartconnect.application.fake.ReversibleSecretSealer;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.application.port.in.SignUpCommand;
import com.smartconnect.domain.session.SessionPolicy;
import java.util.Optional;

/** The sign-up services wired to in-memory ports, and a valid sign-up to vary. */
final class SignUpFixture {

    final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    final InMemoryRegistrations registrations = new InMemoryRegistrations();
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryCompanies companies = new InMemoryCompanies();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final DirectTransactions transactions = new DirectTransactions();
    final ScriptedRandomSource random = new ScriptedRandomSource();
    final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final SignUpMails mails = new SignUpMails(random);
    final InMemoryCoworkerInvitations invitations = new InMemoryCoworkerInvitations();

    final SignUpService signUp = new SignUpService(clock, random, hasher, new ScriptedCaptcha(),
            transactions, accounts, registrations, outbox, mails, invitations);
    final VerifyRegistrationService verify =
            new VerifyRegistrationService(clock, random, hasher, transactions, registrations, accounts, companies,
                    invitations);
    final ResendCodeService resend =
            new ResendCodeService(clock, random, hasher, transactions, registrations, outbox, mails);

    final InMemoryTwoFactor twoFactor = new InMemoryTwoFactor();
    final InMemoryMailedCodes mailedCodes = new InMemoryMailedCodes();
    final InMemoryLoginChallenges challenges = new InMemoryLoginChallenges();
    final RfcTotp totp = new RfcTotp();
    final InMemoryResellerConnections resellerConnections = new InMemoryResellerConnections();
    final SecondFactor secondFactor = new SecondFactor(clock, random, hasher, twoFactor, mailedCodes, outbox,
            new ReversibleSecretSealer(), totp);

    /** The login service over these ports and the given sessions and failures. */
    LogInService logIn(InMemorySessions sessions, InMemoryLoginFailures failures, SessionPolicy policy) {
        return new LogInService(clock, random, hasher, transactions, accounts, registrations, twoFactor, challenges,
                secondFactor, loginAttempts(sessions, failures, policy));
    }

    LoginAttempts loginAttempts(InMemorySessions sessions, InMemoryLoginFailures failures, SessionPolicy policy) {
        return new LoginAttempts(random, transactions, sessions, failures, outbox, policy);
    }

    static SignUpCommand validSignUp(String email) {
        return new SignUpCommand(email, "Ada", "Lovelace", "Tr1angle!Sky", "GB", Optional.of(validCompany()),
                Optional.empty(), true, false, "token", Optional.of("127.0.0.1"));
    }

    static SignUpCommand.CompanyInput validCompany() {
        return new SignUpCommand.CompanyInput("Analytical Engines Ltd", "Reseller", Optional.empty(),
                Optional.of("Data centres"), "12 St James's Square", "London", "SW1Y 4JH", "Greater London", "GB");
    }
}
