package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.REGISTRATION;

import com.smartconnect.adapters.persistence.jooq.tables.records.RegistrationRecord;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.common.CodeChallenge;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.RegistrationStatus;
import com.smartconnect.domain.registration.SignUpDetails;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-ups, in table {@code registration}: one row each, the details in nullable columns that a sign-up
 * for an existing account leaves empty. A sign-up that founds a company fills the {@code company_*} columns; one
 * that joins a company through an invitation fills {@code join_company_id} and {@code join_invitation_id} instead.
 */
final class DatabaseRegistrations implements RegistrationRepository {

    private final DatabaseTransactions transactions;

    DatabaseRegistrations(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Registration registration) {
        transactions.dsl().executeInsert(row(registration));
    }

    @Override
    public Optional<Registration> findForUpdate(RegistrationId id) {
        return transactions.dsl().selectFrom(REGISTRATION).where(REGISTRATION.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(DatabaseRegistrations::registration);
    }

    @Override
    public Optional<Registration> findById(RegistrationId id) {
        return transactions.dsl().selectFrom(REGISTRATION).where(REGISTRATION.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseRegistrations::registration);
    }

    /** A sign-up for a new account is one with details: those of an existing account leave first_name null. */
    @Override
    public Optional<Registration> latestPendingForNewAccount(EmailAddress email) {
        return transactions.dsl().selectFrom(REGISTRATION)
                .where(REGISTRATION.EMAIL.eq(email.value()))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.PENDING.name()))
                .and(REGISTRATION.FIRST_NAME.isNotNull())
                .orderBy(REGISTRATION.CREATED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(DatabaseRegistrations::registration);
    }

    /** Along the index on {@code (email, created_at)}. */
    @Override
    public void deleteAllOf(EmailAddress email) {
        transactions.dsl().deleteFrom(REGISTRATION).where(REGISTRATION.EMAIL.eq(email.value())).execute();
    }

    @Override
    public int countCreatedSince(EmailAddress email, Instant since) {
        return transactions.dsl().fetchCount(REGISTRATION, REGISTRATION.EMAIL.eq(email.value())
                .and(REGISTRATION.CREATED_AT.ge(Timestamps.column(since))));
    }

    @Override
    public void update(Registration registration) {
        int updated = transactions.dsl().executeUpdate(row(registration));
        if (updated != 1) {
            throw new IllegalStateException("registration " + registration.id() + " was never added");
        }
    }

    private static RegistrationRecord row(Registration registration) {
        RegistrationRecord row = new RegistrationRecord();
        row.setId(registration.id().value());
        row.setEmail(registration.email().value());
        registration.details().ifPresent(details -> {
            row.setFirstName(details.name().first());
            row.setLastName(details.name().last());
            row.setCountry(details.country().code());
            row.setPasswordHash(details.passwordHash());
            switch (details.membership()) {
                case Membership.FoundsCompany founds -> {
                    CompanyDetails company = founds.company();
                    row.setCompanyName(company.name());
                    row.setCompanyBusinessType(company.businessType());
                    row.setCompanyAreaOfFocus(company.areaOfFocus().orElse(null));
                    row.setCompanyIndustrySegment(company.industrySegment().orElse(null));
                    row.setCompanyAddress(company.address());
                    row.setCompanyCity(company.city());
                    row.setCompanyZipCode(company.zipCode());
                    row.setCompanyStateProvince(company.stateProvince());
                    row.setCompanyCountry(company.country().code());
                }
                case Membership.JoinsCompany joins -> {
                    row.setJoinCompanyId(joins.companyId().value());
                    row.setJoinInvitationId(joins.invitationId());
                }
            }
            row.setMarketingOptIn(details.marketingOptIn());
            row.setPrivacyAcceptedAt(Timestamps.column(details.privacyAcceptedAt()));
        });
        CodeChallenge challenge = registration.challenge();
        row.setCodeHash(challenge.codeHash());
        row.setCodeSentAt(Timestamps.column(challenge.sentAt()));
        row.setCodeExpiresAt(Timestamps.column(challenge.expiresAt()));
        row.setFailedAttempts(challenge.failedAttempts());
        row.setCodesSent(challenge.codesSent());
        row.setStatus(registration.status().name());
        row.setCreatedAt(Timestamps.column(registration.createdAt()));
        // Every column is written, the empty ones too, so that an update leaves nothing of an earlier state.
        row.touched(true);
        return row;
    }

    private static Registration registration(RegistrationRecord row) {
        Optional<SignUpDetails> details = row.getFirstName() == null ? Optional.empty() : Optional.of(details(row));
        CodeChallenge challenge = new CodeChallenge(row.getCodeHash(), Timestamps.instant(row.getCodeSentAt()),
                Timestamps.instant(row.getCodeExpiresAt()), row.getFailedAttempts(), row.getCodesSent());
        return new Registration(new RegistrationId(row.getId()), new EmailAddress(row.getEmail()), details, challenge,
                RegistrationStatus.valueOf(row.getStatus()), Timestamps.instant(row.getCreatedAt()));
    }

    private static SignUpDetails details(RegistrationRecord row) {
        return new SignUpDetails(new PersonName(row.getFirstName(), row.getLastName()), new Country(row.getCountry()),
                row.getPasswordHash(), membership(row), row.getMarketingOptIn(),
                Timestamps.instant(row.getPrivacyAcceptedAt()));
    }

    /** The check constraint lets a row with details have either the join columns or the company ones, never both. */
    private static Membership membership(RegistrationRecord row) {
        if (row.getJoinCompanyId() != null) {
            return new Membership.JoinsCompany(new CompanyId(row.getJoinCompanyId()), row.getJoinInvitationId());
        }
        return new Membership.FoundsCompany(new CompanyDetails(row.getCompanyName(), row.getCompanyBusinessType(),
                Optional.ofNullable(row.getCompanyAreaOfFocus()), Optional.ofNullable(row.getCompanyIndustrySegment()),
                row.getCompanyAddress(), row.getCompanyCity(), row.getCompanyZipCode(), row.getCompanyStateProvince(),
                new Country(row.getCompanyCountry())));
    }
}
