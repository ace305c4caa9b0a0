package com.smartconnect.application.account.session;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.CompleteLogInCommand;
import com.smartconnect.application.account.session.port.in.CompleteLogInResult;
import com.smartconnect.application.account.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.LoginChallenge;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The second step of a login: a code from the authenticator app, the mail, or a recovery code, against the challenge
 * the password step opened. A wrong code counts against the challenge (five end it) and, like a wrong password,
 * against the address, so the throttle and the owner's warning mail cover guesses at the code as well.
 */
public final class CompleteLogInService implements CompleteLogInUseCase {

    private final Clock clock;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final TwoFactorRepository twoFactor;
    private final LoginChallengeRepository challenges;
    private final SecondFactor secondFactor;
    private final LoginAttempts attempts;

    @Inject
    public CompleteLogInService(Clock clock, Transactions transactions, AccountRepository accounts,
            TwoFactorRepository twoFactor, LoginChallengeRepository challenges, SecondFactor secondFactor,
            LoginAttempts attempts) {
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.secondFactor = secondFactor;
        this.attempts = attempts;
    }

    @Override
    public CompleteLogInResult complete(CompleteLogInCommand command) {
        Instant now = clock.instant();
        Optional<LoginChallenge> found = challenges.findByTokenHash(SecretTokens.hash(command.challengeToken()));
        Optional<Account> account = found.flatMap(challenge -> accounts.findById(challenge.accountId()));
        if (account.isEmpty()) {
            return new CompleteLogInResult.LoginExpired();
        }
        String addressKey = LoginAttempts.addressKey(account.get().email());
        Optional<String> clientKey = LoginAttempts.clientKey(command.remoteAddress());
        return transactions.inTransaction(() -> {
            attempts.lock(addressKey);
            Optional<LoginChallenge> challenge = challenges.lock(found.get().id()).filter(c -> c.isOpenAt(now));
            Optional<TwoFactorSetting> setting = twoFactor.findByAccount(account.get().id()).filter(TwoFactorSetting::enabled);
            if (challenge.isEmpty() || setting.isEmpty()) {
                return new CompleteLogInResult.LoginExpired();
            }
            Optional<Duration> wait = attempts.throttled(addressKey, clientKey, now);
            if (wait.isPresent()) {
                return new CompleteLogInResult.Throttled(wait.get());
            }
            if (secondFactor.accepts(setting.get(), command.code(), CodePurpose.LOGIN)) {
                challenges.delete(challenge.get().id());
                LoginAttempts.Started started = attempts.startSession(account.get(), true, now);
                return new CompleteLogInResult.LoggedIn(started.token(), account.get().id(), started.session().expiresAt());
            }
            int attemptsLeft = challenge.get().attemptsLeftAfterFailure();
            if (attemptsLeft == 0) {
                challenges.delete(challenge.get().id());
            } else {
                challenges.recordFailure(challenge.get().id());
            }
            attempts.recordFailure(addressKey, clientKey, account, now);
            return attemptsLeft == 0
                    ? new CompleteLogInResult.LoginExpired()
                    : new CompleteLogInResult.CodeIncorrect(attemptsLeft);
        });
    }
}
