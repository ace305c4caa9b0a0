package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;

/**
 * Lets through what needs two-factor authentication only when the account has it on now and the request's session
 * passed it. Both are asked: turning two-factor off clears the sessions' mark, and this does not rely on that alone.
 */
public final class TwoFactorCheckService implements TwoFactorCheck {

    private final TwoFactorRepository twoFactor;

    @Inject
    public TwoFactorCheckService(TwoFactorRepository twoFactor) {
        this.twoFactor = twoFactor;
    }

    @Override
    public boolean isOnAndPassed(AuthenticatedUser user) {
        return user.twoFactorPassed()
                && twoFactor.findByAccount(user.accountId()).filter(TwoFactorSetting::enabled).isPresent();
    }
}
