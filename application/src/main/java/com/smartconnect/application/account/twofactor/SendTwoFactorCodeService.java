package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Mails two-factor codes on request, at most one a minute per account and purpose. */
public final class SendTwoFactorCodeService implements SendTwoFactorCodeUseCase {

    private final Clock clock;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final TwoFactorRepository twoFactor;
    private final LoginChallengeRepository challenges;
    private final SecondFactor secondFactor;

    @Inject
    public SendTwoFactorCodeService(Clock clock, Transactions transactions, AccountRepository accounts,
            TwoFactorRepository twoFactor, LoginChallengeRepository challenges, SecondFactor secondFactor) {
        this.clock = clock;
        this.transactions = transactions;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.secondFactor = secondFactor;
    }

    @Override
    public SendTwoFactorCodeResult sendForLogIn(String challengeToken) {
        Optional<Account> account = challenges.findByTokenHash(SecretTokens.hash(challengeToken))
                .filter(challenge -> challenge.isOpenAt(clock.instant()))
                .flatMap(challenge -> accounts.findById(challenge.accountId()));
        return account.map(a -> send(a, CodePurpose.LOGIN)).orElseGet(SendTwoFactorCodeResult.LoginExpired::new);
    }

    @Override
    public SendTwoFactorCodeResult sendForConfirmation(AuthenticatedUser user) {
        Account account = accounts.findById(user.accountId()).orElseThrow(AccountNoLongerExists::new);
        return send(account, CodePurpose.CONFIRMATION);
    }

    private SendTwoFactorCodeResult send(Account account, CodePurpose purpose) {
        return transactions.inTransaction(() -> {
            boolean byEmail = twoFactor.findByAccount(account.id())
                    .filter(setting -> setting.enabled() && setting.method() == TwoFactorMethod.EMAIL)
                    .isPresent();
            if (!byEmail) {
                return new SendTwoFactorCodeResult.NotByEmail();
            }
            Optional<MailedCode> recent = secondFactor.recentCode(account, purpose);
            if (recent.isPresent()) {
                return new SendTwoFactorCodeResult.TooSoon(recent.get().resendWait(clock.instant()));
            }
            return new SendTwoFactorCodeResult.Sent(secondFactor.mailCode(account, purpose).expiresAt());
        });
    }
}
