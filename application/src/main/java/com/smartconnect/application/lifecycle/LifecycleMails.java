package com.smartconnect.application.lifecycle;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.reseller.ResellerLinkService;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PhoneNumber;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.lifecycle.LifecycleEvent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the mails to a reseller about a lifecycle event of their customer's UPS: what the help page promises (the
 * model, the date, the SKU that resolves it, the customer's company name, full name, e-mail, phone and job role) and
 * an unsubscribe link. The link's token is signed, not stored: the connection keeps only the hash of the invitation's
 * unsubscribe token, which a later mail cannot contain.
 */
public final class LifecycleMails {

    private final RandomSource random;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final LinkSigner signer;

    @Inject
    public LifecycleMails(RandomSource random, AccountRepository accounts, CompanyRepository companies,
            LinkSigner signer) {
        this.random = random;
        this.accounts = accounts;
        this.companies = companies;
        this.signer = signer;
    }

    /**
     * The mail, or empty when the customer's account is gone. {@code sku} is the one the catalog names for the event;
     * without one, the mail's {@code sku} is empty and the templates say that the catalog names none.
     */
    public Optional<OutgoingMail> reminder(MailTemplate template, UUID connectionId, EmailAddress reseller, AccountId customer,
            ProductId productId, String model, Optional<String> sku, LifecycleEvent event, LocalDate today) {
        Optional<Account> account = accounts.findById(customer);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Account person = account.get();
        ContactDetails contact = accounts.contactDetailsOf(customer);
        String companyName = companies.findById(person.companyId()).map(c -> c.details().name()).orElse("");
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, event.dueOn()));
        // The reminder is read on the day it is sent: the due date is the one set, worded against that day.
        return Optional.of(new OutgoingMail(new MailId(random.uuid()), reseller, template, Map.ofEntries(
                Map.entry("title", event.titleOn(today)),
                Map.entry("model", model),
                Map.entry("productId", productId.value()),
                Map.entry("dueOn", event.dueOn().toString()),
                Map.entry("sku", sku.orElse("")),
                Map.entry("daysLeft", Long.toString(daysLeft)),
                Map.entry("when", event.whenSeenOn(today)),
                Map.entry("companyName", companyName),
                Map.entry("customerName", person.name().full()),
                Map.entry("customerEmail", person.email().value()),
                Map.entry("customerPhone", contact.phone().map(PhoneNumber::value).orElse("")),
                Map.entry("customerJobRole", contact.jobRole().orElse("")),
                Map.entry("unsubscribeToken", signer.sign(ResellerLinkService.UNSUBSCRIBE_PURPOSE,
                        connectionId.toString())))));
    }
}
