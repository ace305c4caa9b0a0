package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.RegistrationStatus;
import com.smartconnect.domain.registration.VerificationOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

abstract class RegistrationRepositoryContract extends PortContract {

    private RegistrationRepository registrations() {
        return ports.registrations();
    }

    @Test
    void keepsASignUpForANewAccountWithEveryDetail() {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetails());

        registrations().add(registration);

        assertThat(registrations().findById(registration.id())).contains(registration);
    }

    @Test
    void keepsASignUpForANewAccountWithoutTheOptionalCompanyFields() {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetailsWithoutOptionalFields());

        registrations().add(registration);

        Registration found = registrations().findById(registration.id()).orElseThrow();
        assertThat(found).isEqualTo(registration);
        CompanyDetails company = ((Membership.FoundsCompany) found.details().orElseThrow().membership()).company();
        assertThat(company.areaOfFocus()).isEmpty();
        assertThat(company.industrySegment()).isEmpty();
    }

    @Test
    void keepsASignUpThatJoinsACompanyThroughAnInvitation() {
        CompanyId companyId = new CompanyId(UUID.randomUUID());
        UUID invitationId = UUID.randomUUID();
        Registration registration = Examples.newAccountRegistration(new Membership.JoinsCompany(companyId,
                invitationId));

        registrations().add(registration);

        Registration found = registrations().findById(registration.id()).orElseThrow();
        assertThat(found).isEqualTo(registration);
        assertThat(found.details().orElseThrow().membership())
                .isEqualTo(new Membership.JoinsCompany(companyId, invitationId));
        assertThat(registrations().latestPendingForNewAccount(registration.email())).contains(registration);
    }

    @Test
    void savesTheVerificationOfASignUpThatJoinsACompany() {
        Registration registration = Examples.joiningRegistration();
        registrations().add(registration);

        Registration verified = registration.verify(true, Examples.NOW.plusSeconds(30)).registration();
        registrations().update(verified);

        assertThat(registrations().findById(registration.id())).contains(verified);
    }

    /** The check constraint: details come with either the company page or the company and invitation it joins. */
    @DatabaseOnly("reads its tables")
    @Test
    void refusesDetailsWithNeitherOrBothOfTheMemberships() throws SQLException {
        String insert = "INSERT INTO registration (id, email, first_name, last_name, country, password_hash,"
                + " company_name, company_business_type, company_address, company_city, company_zip_code,"
                + " company_state_province, company_country, join_company_id, join_invitation_id,"
                + " marketing_opt_in, privacy_accepted_at, code_hash, code_sent_at, code_expires_at,"
                + " failed_attempts, status, created_at) VALUES (?, ?, 'Ada', 'Lovelace', 'GB', 'h',"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, 'c', ?, ?, 0, 'PENDING', ?)";
        String[] company = {"Analytical Engines Ltd", "Reseller", "12 St James's Square", "London", "SW1Y 4JH",
                "Greater London", "GB"};
        UUID[] join = {UUID.randomUUID(), UUID.randomUUID()};
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(insert)) {
            assertThat(inserts(statement, company, join)).isFalse();
            assertThat(inserts(statement, new String[7], new UUID[2])).isFalse();
            assertThat(inserts(statement, company, new UUID[] {join[0], null})).isFalse();
            assertThat(inserts(statement, new String[7], new UUID[] {join[0], null})).isFalse();
            assertThat(inserts(statement, company, new UUID[2])).isTrue();
            assertThat(inserts(statement, new String[7], join)).isTrue();
        }
    }

    /** Inserts one row with these company and join columns (auto-commit); false if the database refused it. */
    private static boolean inserts(PreparedStatement statement, String[] company, UUID[] join) {
        try {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, Examples.uniqueEmail().value());
            for (int i = 0; i < company.length; i++) {
                statement.setString(3 + i, company[i]);
            }
            statement.setObject(10, join[0]);
            statement.setObject(11, join[1]);
            OffsetDateTime now = OffsetDateTime.ofInstant(Examples.NOW, ZoneOffset.UTC);
            for (int i = 12; i <= 15; i++) {
                statement.setObject(i, now);
            }
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The application stores Argon2 hashes of the codes, PHC strings of about 100 characters; new codes too. */
    @Test
    void keepsAnArgon2CodeHashWhole() {
        String codeHash = Examples.argon2CodeHash();
        Registration registration = Registration.forNewAccount(new RegistrationId(UUID.randomUUID()),
                Examples.uniqueEmail(), Examples.signUpDetails(Examples.companyDetails()), codeHash, Examples.NOW);

        registrations().add(registration);
        assertThat(registrations().findById(registration.id()).orElseThrow().challenge().codeHash())
                .hasSize(100).isEqualTo(codeHash);

        Registration renewed = registration.withNewCode(Examples.argon2CodeHash(), Examples.NOW.plusSeconds(90));
        registrations().update(renewed);
        assertThat(registrations().findById(registration.id())).contains(renewed);
    }

    @Test
    void keepsASignUpForAnExistingAccountWithoutDetails() {
        Registration registration = Examples.existingAccountRegistration();

        registrations().add(registration);

        Registration found = registrations().findById(registration.id()).orElseThrow();
        assertThat(found).isEqualTo(registration);
        assertThat(found.isForExistingAccount()).isTrue();
    }

    @Test
    void findsNothingForAnUnknownId() {
        RegistrationId unknown = new RegistrationId(UUID.randomUUID());

        assertThat(registrations().findById(unknown)).isEmpty();
        assertThat(ports.transactions().inTransaction(() -> registrations().findForUpdate(unknown))).isEmpty();
    }

    @Test
    void savesWrongTriesNewCodesAndVerification() {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetails());
        registrations().add(registration);
        Instant later = Examples.NOW.plusSeconds(90);

        Registration wrongOnce = registration.verify(false, later).registration();
        registrations().update(wrongOnce);
        assertThat(registrations().findById(registration.id()).orElseThrow().challenge().failedAttempts()).isEqualTo(1);

        Registration renewed = wrongOnce.withNewCode("new-code-hash", later);
        registrations().update(renewed);
        assertThat(registrations().findById(registration.id())).contains(renewed);

        VerificationOutcome outcome = renewed.verify(true, later.plusSeconds(5));
        assertThat(outcome).isInstanceOf(VerificationOutcome.Verified.class);
        registrations().update(outcome.registration());
        assertThat(registrations().findById(registration.id()).orElseThrow().status())
                .isEqualTo(RegistrationStatus.VERIFIED);
    }

    @Test
    void countsTheSignUpsOfOneAddressSinceATime() {
        EmailAddress email = Examples.uniqueEmail();
        for (int minutes : new int[] {0, 30, 59}) {
            registrations().add(Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()), email, "h",
                    Examples.NOW.plusSeconds(60L * minutes)));
        }
        registrations().add(Examples.existingAccountRegistration());

        assertThat(registrations().countCreatedSince(email, Examples.NOW)).isEqualTo(3);
        assertThat(registrations().countCreatedSince(email, Examples.NOW.plusSeconds(60 * 30))).isEqualTo(2);
        assertThat(registrations().countCreatedSince(email, Examples.NOW.plusSeconds(60 * 60))).isZero();
    }

    @Test
    void deletesEverySignUpOfOneAddressAndNoOther() {
        EmailAddress email = Examples.uniqueEmail();
        Registration forNewAccount = newAccountRegistration(email, Examples.NOW);
        Registration verified = newAccountRegistration(email, Examples.NOW.plusSeconds(60));
        Registration forExistingAccount = Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()), email,
                "code-hash", Examples.NOW.plusSeconds(120));
        Registration ofAnotherAddress = newAccountRegistration(Examples.uniqueEmail(), Examples.NOW);
        for (Registration registration : new Registration[] {forNewAccount, verified, forExistingAccount,
                ofAnotherAddress}) {
            registrations().add(registration);
        }
        registrations().update(verified.verify(true, Examples.NOW.plusSeconds(70)).registration());

        registrations().deleteAllOf(email);

        assertThat(registrations().findById(forNewAccount.id())).isEmpty();
        assertThat(registrations().findById(verified.id())).isEmpty();
        assertThat(registrations().findById(forExistingAccount.id())).isEmpty();
        assertThat(registrations().countCreatedSince(email, Instant.EPOCH)).isZero();
        assertThat(registrations().findById(ofAnotherAddress.id())).contains(ofAnotherAddress);
    }

    @Test
    void refusesToUpdateASignUpThatWasNeverAdded() {
        Registration neverAdded = Examples.existingAccountRegistration();

        assertThatThrownBy(() -> registrations().update(neverAdded)).isInstanceOf(IllegalStateException.class);
        assertThat(registrations().findById(neverAdded.id())).isEmpty();
    }

    @Test
    void keepsInstantsToTheMicrosecond() {
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");
        Registration registration = Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()),
                Examples.uniqueEmail(), "code-hash", withNanos);

        registrations().add(registration);

        Registration found = registrations().findById(registration.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(withNanos.truncatedTo(ChronoUnit.MICROS));
        assertThat(found.challenge().sentAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
        assertThat(found.challenge().expiresAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00.123456Z"));
    }

    @Test
    void findsASignUpForUpdateInsideATransaction() {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetails());
        registrations().add(registration);

        Optional<Registration> locked = ports.transactions().inTransaction(
                () -> registrations().findForUpdate(registration.id()));

        assertThat(locked).contains(registration);
    }

    /** Two tries of a code must not interleave: the second waits for the first to commit, then sees its result. */
    @Test
    void locksTheSignUpItFindsForUpdateUntilTheTransactionEnds() throws Exception {
        Registration registration = Examples.newAccountRegistration(Examples.companyDetails());
        registrations().add(registration);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            Registration found = registrations().findForUpdate(registration.id()).orElseThrow();
            firstHoldsTheLock.countDown();
            await(releaseFirst);
            registrations().update(found.verify(false, Examples.NOW).registration());
            return null;
        }), SEPARATE_THREADS);
        assertThat(firstHoldsTheLock.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> registrations().findForUpdate(registration.id()).orElseThrow().challenge().failedAttempts()),
                SEPARATE_THREADS);

        Thread.sleep(Duration.ofMillis(300));
        assertThat(second).isNotDone();
        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    /** What a person who logs in before entering their code has: the newest pending sign-up with details. */
    @Test
    void findsTheNewestPendingSignUpForANewAccountOfAnAddress() {
        EmailAddress email = Examples.uniqueEmail();
        Registration older = newAccountRegistration(email, Examples.NOW);
        Registration newest = newAccountRegistration(email, Examples.NOW.plusSeconds(60));
        Registration verified = newAccountRegistration(email, Examples.NOW.plusSeconds(120));
        Registration forExistingAccount = Registration.forExistingAccount(new RegistrationId(UUID.randomUUID()), email,
                "code-hash", Examples.NOW.plusSeconds(180));
        Registration ofAnotherAddress = newAccountRegistration(Examples.uniqueEmail(), Examples.NOW.plusSeconds(240));
        for (Registration registration : new Registration[] {older, newest, verified, forExistingAccount,
                ofAnotherAddress}) {
            registrations().add(registration);
        }
        registrations().update(verified.verify(true, Examples.NOW.plusSeconds(130)).registration());

        assertThat(registrations().latestPendingForNewAccount(email)).contains(newest);
    }

    @Test
    void findsNoPendingSignUpForANewAccountWhenThereIsNone() {
        Registration forExistingAccount = Examples.existingAccountRegistration();
        registrations().add(forExistingAccount);
        Registration verified = Examples.newAccountRegistration(Examples.companyDetails());
        registrations().add(verified);
        registrations().update(verified.verify(true, Examples.NOW.plusSeconds(10)).registration());

        assertThat(registrations().latestPendingForNewAccount(forExistingAccount.email())).isEmpty();
        assertThat(registrations().latestPendingForNewAccount(verified.email())).isEmpty();
        assertThat(registrations().latestPendingForNewAccount(Examples.uniqueEmail())).isEmpty();
    }

    private static Registration newAccountRegistration(EmailAddress email, Instant createdAt) {
        return Registration.forNewAccount(new RegistrationId(UUID.randomUUID()), email,
                Examples.signUpDetails(Examples.companyDetails()), "code-hash", createdAt);
    }
}
