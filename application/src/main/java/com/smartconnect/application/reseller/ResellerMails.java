package com.smartconnect.application.reseller;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.reseller.ResellerConnection;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** Builds the mails about reseller connections: the invitation to the reseller, and the notices to the customer. */
public final class ResellerMails {

    private final RandomSource random;
    private final AccountRepository accounts;

    @Inject
    public ResellerMails(RandomSource random, AccountRepository accounts) {
        this.random = random;
        this.accounts = accounts;
    }

    OutgoingMail invitation(ResellerConnection invitation, String customerName, String companyName, String acceptToken,
            String unsubscribeToken) {
        return new OutgoingMail(new MailId(random.uuid()), invitation.resellerEmail(), MailTemplate.RESELLER_INVITATION,
                Map.of("customerName", customerName,
                        "companyName", companyName,
                        "acceptToken", acceptToken,
                        "unsubscribeToken", unsubscribeToken,
                        "validDays", Long.toString(ResellerConnection.INVITATION_VALIDITY.toDays())));
    }

    /**
     * A notice to the customer of {@code connection} ({@code RESELLER_ACCEPTED}, {@code _DECLINED},
     * {@code _INVITATION_EXPIRED} or {@code _UNSUBSCRIBED}); empty if the customer's account is gone.
     */
    Optional<OutgoingMail> toCustomer(ResellerConnection connection, MailTemplate template) {
        return accounts.findById(connection.customer()).map((Account customer) -> new OutgoingMail(
                new MailId(random.uuid()), customer.email(), template, Map.of(
                        "firstName", customer.name().first(),
                        "resellerEmail", connection.resellerEmail().value(),
                        "validDays", Long.toString(ResellerConnection.INVITATION_VALIDITY.toDays()))));
    }
}
