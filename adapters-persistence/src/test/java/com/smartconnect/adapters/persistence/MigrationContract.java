package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import com.smartconnect.domain.registration.Membership;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

abstract class MigrationContract extends DatabaseContract {

    /** Every start of the portal migrates; on a database that is up to date, that must keep what it holds. */
    @Test
    void migratingAnUpToDateDatabaseAgainKeepsItsData() {
        Company company = Examples.company();
        database.companies().add(company);

        Database again = Database.migrate(testDatabase.dataSource());

        assertThat(again.companies().findById(company.id())).contains(company);
    }

    /**
     * V41 gives every device registered before Event Notifications the default notification of its owner, and leaves
     * a device that has notifications as it is.
     */
    @Test
    void devicesRegisteredBeforeEventNotificationsGetTheDefaultNotification() throws Exception {
        Company company = Examples.company();
        database.companies().add(company);
        Account owner = new Account(new AccountId(UUID.randomUUID()), Examples.uniqueEmail(),
                new PersonName("Grace", "Hopper"), new Country("GB"), "$argon2id$v=19$hash", company.id(), false,
                Examples.NOW, Examples.NOW);
        database.accounts().add(owner);
        ProductId before = DeviceCatalogContract.uniqueProductId();
        ProductId withOwn = DeviceCatalogContract.uniqueProductId();
        for (ProductId device : List.of(before, withOwn)) {
            database.deviceCatalog().save(DeviceCatalogContract.entry(device, "SMT1500RMI2UC"));
            database.deviceRegistrations().add(DeviceRegistration.registered(device, owner.id(), company.id(),
                    Examples.NOW));
        }
        EventNotification own = new EventNotification(new NotificationId(UUID.randomUUID()), withOwn,
                List.of(new EmailAddress("ops@example.org")), Set.of(Severity.CRITICAL), new TreeSet<>(), false);
        database.eventNotifications().add(own);

        try (Connection connection = testDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            new V41__Default_event_notifications().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return Flyway.configure();
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(database.eventNotifications().ofDevice(before)).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly(owner.email());
            assertThat(n.severities()).containsExactlyInAnyOrder(Severity.WARNING, Severity.CRITICAL);
            assertThat(n.eventTypes()).isEmpty();
            assertThat(n.email()).isTrue();
        });
        assertThat(database.eventNotifications().ofDevice(withOwn)).containsExactly(own);
    }

    /** V6 replaces the check on the details: the sign-ups of before, with or without details, still meet it. */
    @Test
    void signUpsOfBeforeCoworkerInvitationsSurviveTheirMigration() throws SQLException {
        try (TestDatabase older = freshDatabase().orElseThrow()) {
            Flyway.configure().dataSource(older.dataSource()).target("5").load().migrate();
            UUID withDetails = UUID.randomUUID();
            UUID withoutDetails = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.ofInstant(Examples.NOW, ZoneOffset.UTC);
            try (Connection connection = older.dataSource().getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO registration (id, email,"
                            + " first_name, last_name, country, password_hash, company_name, company_business_type,"
                            + " company_address, company_city, company_zip_code, company_state_province,"
                            + " company_country, marketing_opt_in, privacy_accepted_at, code_hash, code_sent_at,"
                            + " code_expires_at, failed_attempts, status, created_at) VALUES (?, ?, 'Ada',"
                            + " 'Lovelace', 'GB', 'h', 'Analytical Engines Ltd', 'Reseller', '12 St James''s Square',"
                            + " 'London', 'SW1Y 4JH', 'Greater London', 'GB', TRUE, ?, 'c', ?, ?, 0, 'PENDING', ?)");
                    PreparedStatement insertWithoutDetails = connection.prepareStatement("INSERT INTO registration"
                            + " (id, email, code_hash, code_sent_at, code_expires_at, failed_attempts, status,"
                            + " created_at) VALUES (?, ?, 'c', ?, ?, 0, 'PENDING', ?)")) {
                insert.setObject(1, withDetails);
                insert.setString(2, Examples.uniqueEmail().value());
                for (int i = 3; i <= 6; i++) {
                    insert.setObject(i, now);
                }
                assertThat(insert.executeUpdate()).isEqualTo(1);
                insertWithoutDetails.setObject(1, withoutDetails);
                insertWithoutDetails.setString(2, Examples.uniqueEmail().value());
                for (int i = 3; i <= 5; i++) {
                    insertWithoutDetails.setObject(i, now);
                }
                assertThat(insertWithoutDetails.executeUpdate()).isEqualTo(1);
            }

            Database migrated = Database.migrate(older.dataSource());

            Registration founding = migrated.registrations().findById(new RegistrationId(withDetails)).orElseThrow();
            assertThat(founding.details().orElseThrow().membership()).isInstanceOf(Membership.FoundsCompany.class);
            assertThat(migrated.registrations().findById(new RegistrationId(withoutDetails)).orElseThrow()
                    .isForExistingAccount()).isTrue();
            Registration joining = Examples.joiningRegistration();
            migrated.registrations().add(joining);
            assertThat(migrated.registrations().findById(joining.id())).contains(joining);
        }
    }

    /** V8 adds the contact details: an account of before speaks English and has neither phone nor job role. */
    @Test
    void accountsOfBeforeContactDetailsSpeakEnglish() throws SQLException {
        try (TestDatabase older = freshDatabase().orElseThrow()) {
            Flyway.configure().dataSource(older.dataSource()).target("7").load().migrate();
            UUID companyId = UUID.randomUUID();
            UUID accountId = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.ofInstant(Examples.NOW, ZoneOffset.UTC);
            try (Connection connection = older.dataSource().getConnection();
                    PreparedStatement insertCompany = connection.prepareStatement("INSERT INTO company (id, name,"
                            + " business_type, address, city, zip_code, state_province, country, created_at) VALUES"
                            + " (?, 'Analytical Engines Ltd', 'Reseller', '12 St James''s Square', 'London',"
                            + " 'SW1Y 4JH', 'Greater London', 'GB', ?)");
                    PreparedStatement insertAccount = connection.prepareStatement("INSERT INTO account (id, email,"
                            + " first_name, last_name, country, password_hash, company_id, marketing_opt_in,"
                            + " privacy_accepted_at, created_at) VALUES (?, ?, 'Ada', 'Lovelace', 'GB', 'h', ?,"
                            + " FALSE, ?, ?)")) {
                insertCompany.setObject(1, companyId);
                insertCompany.setObject(2, now);
                assertThat(insertCompany.executeUpdate()).isEqualTo(1);
                insertAccount.setObject(1, accountId);
                insertAccount.setString(2, Examples.uniqueEmail().value());
                insertAccount.setObject(3, companyId);
                insertAccount.setObject(4, now);
                insertAccount.setObject(5, now);
                assertThat(insertAccount.executeUpdate()).isEqualTo(1);
            }

            Database migrated = Database.migrate(older.dataSource());

            assertThat(migrated.accounts().contactDetailsOf(new AccountId(accountId))).isEqualTo(ContactDetails.NONE);
            assertThat(migrated.accounts().findById(new AccountId(accountId))).isPresent();
        }
    }
}
