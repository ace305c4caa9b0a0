package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.LoginAttempts;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.fake.CountingPasswordHasher;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryCoworkerInvitations;
import com.smartconnect.application.fake.InMemoryLoginChallenges;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryMailedCodes;
import com.smartconnect.application.fake.InMemoryRegistrations;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.InMemoryTwoFactor;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.ReversibleSecretSealer;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.domain.session.SessionPolicy;
import java.util.Optional;

/** The sign-up services wired to in-memory ports, and a valid sign-up to vary. */
public final class SignUpFixture {

    public final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    public final InMemoryRegistrations registrations = new InMemoryRegistrations();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final InMemoryCompanies companies = new InMemoryCompanies();
    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final DirectTransactions transactions = new DirectTransactions();
    public final ScriptedRandomSource random = new ScriptedRandomSource();
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    final SignUpMails mails = new SignUpMails(random);
    public final InMemoryCoworkerInvitations invitations = new InMemoryCoworkerInvitations();

    public final SignUpService signUp = new SignUpService(clock, random, hasher, new ScriptedCaptcha(),
            transactions, accounts, registrations, outbox, mails, invitations);
    public final VerifyRegistrationService verify =
            new VerifyRegistrationService(clock, random, hasher, transactions, registrations, accounts, companies,
                    invitations);
    final ResendCodeService resend =
            new ResendCodeService(clock, random, hasher, transactions, registrations, outbox, mails);

    public final InMemoryTwoFactor twoFactor = new InMemoryTwoFactor();
    public final InMemoryMailedCodes mailedCodes = new InMemoryMailedCodes();
    public final InMemoryLoginChallenges challenges = new InMemoryLoginChallenges();
    public final RfcTotp totp = new RfcTotp();
    public final InMemoryResellerConnections resellerConnections = new InMemoryResellerConnections();
    public final SecondFactor secondFactor = new SecondFactor(clock, random, hasher, twoFactor, mailedCodes, outbox,
            new ReversibleSecretSealer(), totp);

    /** The login service over these ports and the given sessions and failures. */
    public LogInService logIn(InMemorySessions sessions, InMemoryLoginFailures failures, SessionPolicy policy) {
        return new LogInService(clock, random, hasher, transactions, accounts, registrations, twoFactor, challenges,
                secondFactor, loginAttempts(sessions, failures, policy));
    }

    public LoginAttempts loginAttempts(InMemorySessions sessions, InMemoryLoginFailures failures, SessionPolicy policy) {
        return new LoginAttempts(random, transactions, sessions, failures, outbox, policy);
    }

    public static SignUpCommand validSignUp(String email) {
        return new SignUpCommand(email, "Ada", "Lovelace", "Tr1angle!Sky", "GB", Optional.of(validCompany()),
                Optional.empty(), true, false, "token", Optional.of("127.0.0.1"));
    }

    static SignUpCommand.CompanyInput validCompany() {
        return new SignUpCommand.CompanyInput("Analytical Engines Ltd", "Reseller", Optional.empty(),
                Optional.of("Data centres"), "12 St James's Square", "London", "SW1Y 4JH", "Greater London", "GB");
    }
}
