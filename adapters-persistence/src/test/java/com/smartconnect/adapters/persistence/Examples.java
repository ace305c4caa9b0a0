package com.smartconnect.adapters.persistence;

import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.EmailChange;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.account.PhoneNumber;
import com.smartconnect.domain.invitation.CoworkerInvitation;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.SignUpDetails;
import com.smartconnect.domain.reseller.ResellerConnection;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Valid domain objects to store, each with fresh ids and addresses so that tests sharing a database never meet. */
final class Examples {

    /** A time with microseconds, the most the columns keep. */
    static final Instant NOW = Instant.parse("2026-11-20T08:00:00.123456Z");

    private Examples() {
    }

    static EmailAddress uniqueEmail() {
        return new EmailAddress("ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    static CompanyDetails companyDetails() {
        return new CompanyDetails("Analytical Engines Ltd", "Reseller", Optional.of("Power protection"),
                Optional.of("Data centres"), "12 St James's Square", "London", "SW1Y 4JH", "Greater London",
                new Country("GB"));
    }

    static CompanyDetails companyDetailsWithoutOptionalFields() {
        return new CompanyDetails("Difference Engines SA", "End user", Optional.empty(), Optional.empty(),
                "1 rue de Rivoli", "Paris", "75001", "Ile-de-France", new Country("FR"));
    }

    /** Different from {@link #companyDetails()} in every field, the optional ones included. */
    static CompanyDetails otherCompanyDetails() {
        return new CompanyDetails("Jacquard Looms GmbH", "Distributor", Optional.of("Cooling"),
                Optional.of("Telecoms"), "Unter den Linden 1", "Berlin", "10117", "Berlin", new Country("DE"));
    }

    /** Contact details with every field set, none of them the default. */
    static ContactDetails contactDetails() {
        return new ContactDetails(new Language("fr"), Optional.of(new PhoneNumber("+33 1 23 45 67 89")),
                Optional.of("Head of field service"));
    }

    static SignUpDetails signUpDetails(CompanyDetails company) {
        return signUpDetails(new Membership.FoundsCompany(company));
    }

    static SignUpDetails signUpDetails(Membership membership) {
        return new SignUpDetails(new PersonName("Ada", "Lovelace"), new Country("GB"), "$argon2id$v=19$hash",
                membership, true, NOW.minusSeconds(30));
    }

    /** A sign-up that founds a company with {@code company}. */
    static Registration newAccountRegistration(CompanyDetails company) {
        return newAccountRegistration(new Membership.FoundsCompany(company));
    }

    static Registration newAccountRegistration(Membership membership) {
        return Registration.forNewAccount(new RegistrationId(UUID.randomUUID()), uniqueEmail(),
                signUpDetails(membership), "code-hash", NOW);
    }

    /** A sign-up through an invitation: the company and the invitation need not exist (nothing refers to them). */
    static Registration joiningRegistration() {
        return newAccountRegistration(new Membership.JoinsCompany(new CompanyId(UUID.randomUUID()), UUID.randomUUID()));
    }

    static Registration existingAccountRegistration() {
        return Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()), uniqueEmail(), "code-hash", NOW);
    }

    static Company company() {
        return new Company(new CompanyId(UUID.randomUUID()), companyDetails(), NOW);
    }

    static Account account(CompanyId companyId, EmailAddress email) {
        return new Account(new AccountId(UUID.randomUUID()), email, new PersonName("Ada", "Lovelace"),
                new Country("GB"), "$argon2id$v=19$hash", companyId, false, NOW.minusSeconds(60), NOW);
    }

    /** Like a SHA-256 in hex: 64 characters. */
    static String tokenHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Like an Argon2id hash in PHC format, as the application stores for codes: exactly 100 characters, longer than
     * the 64 of a SHA-256 in hex.
     */
    static String argon2CodeHash() {
        byte[] bytes = new byte[64];
        ThreadLocalRandom.current().nextBytes(bytes);
        String hash = "$argon2id$v=19$m=65536,t=3,p=4$" + Base64.getEncoder().withoutPadding().encodeToString(bytes);
        return hash.substring(0, 100);
    }

    /** A requested change of {@code accountId}'s address to a fresh one, with a 100-character code hash. */
    static EmailChange emailChange(AccountId accountId, Instant requestedAt) {
        return EmailChange.request(UUID.randomUUID(), accountId, uniqueEmail(), false, argon2CodeHash(), requestedAt);
    }

    /** A pending invitation of a fresh address into {@code companyId}, sent by {@code invitedBy} at {@code sentAt}. */
    static CoworkerInvitation invitation(CompanyId companyId, AccountId invitedBy, Instant sentAt) {
        return CoworkerInvitation.send(UUID.randomUUID(), companyId, invitedBy, uniqueEmail(), tokenHash(), sentAt);
    }

    /** A new invitation of a fresh reseller address by {@code customer}, sent at {@code sentAt}, with fresh links. */
    static ResellerConnection resellerInvitation(AccountId customer, Instant sentAt) {
        return resellerInvitation(UUID.randomUUID(), customer, sentAt);
    }

    static ResellerConnection resellerInvitation(UUID id, AccountId customer, Instant sentAt) {
        return ResellerConnection.invite(id, customer, uniqueEmail(), tokenHash(), tokenHash(), sentAt);
    }

    static OutgoingMail signUpCodeMail() {
        return signUpCodeMail(uniqueEmail());
    }

    static OutgoingMail signUpCodeMail(EmailAddress to) {
        return new OutgoingMail(new MailId(UUID.randomUUID()), to, MailTemplate.SIGN_UP_CODE,
                Map.of("firstName", "Ada", "code", "012345", "validMinutes", "15", "note", "\"quoted\" & ünïcode"));
    }
}
