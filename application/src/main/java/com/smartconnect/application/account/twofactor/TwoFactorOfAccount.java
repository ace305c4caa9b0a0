package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/**
 * A deleted account's two-factor authentication goes with it: its login challenges, the codes mailed to it, then the
 * setting itself.
 */
public final class TwoFactorOfAccount implements AccountDependents {

    private final LoginChallengeRepository challenges;
    private final MailedCodeRepository mailedCodes;
    private final TwoFactorRepository twoFactor;

    @Inject
    public TwoFactorOfAccount(LoginChallengeRepository challenges, MailedCodeRepository mailedCodes,
            TwoFactorRepository twoFactor) {
        this.challenges = challenges;
        this.mailedCodes = mailedCodes;
        this.twoFactor = twoFactor;
    }

    @Override
    public void erase(Account account) {
        challenges.deleteAllOf(account.id());
        mailedCodes.deleteAllOf(account.id());
        twoFactor.delete(account.id());
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.TWO_FACTOR;
    }
}
