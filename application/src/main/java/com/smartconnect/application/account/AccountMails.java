package com.smartconnect.application.account;

import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.session.PasswordReset;
import jakarta.inject.Inject;
import java.util.Map;

/** Builds the mails about an account's password. */
public final class AccountMails {

    private final RandomSource random;

    @Inject
    public AccountMails(RandomSource random) {
        this.random = random;
    }

    public OutgoingMail passwordReset(Account account, String token) {
        return new OutgoingMail(new MailId(random.uuid()), account.email(), MailTemplate.PASSWORD_RESET, Map.of(
                "firstName", account.name().first(),
                "token", token,
                "validMinutes", Long.toString(PasswordReset.VALIDITY.toMinutes())));
    }

    OutgoingMail accountDeleted(Account account) {
        return new OutgoingMail(new MailId(random.uuid()), account.email(), MailTemplate.ACCOUNT_DELETED,
                Map.of("firstName", account.name().first()));
    }

    public OutgoingMail passwordChanged(Account account) {
        return new OutgoingMail(new MailId(random.uuid()), account.email(), MailTemplate.PASSWORD_CHANGED,
                Map.of("firstName", account.name().first()));
    }
}
