package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.application.account.port.out.AccountDeletions;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.account.port.out.EmailChangeRepository;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The database: migrated once when first needed, then the repositories and the outbox over it. */
final class PersistenceModule extends AbstractModule {

    private final DataSource dataSource;

    PersistenceModule(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Provides
    @Singleton
    Database database() {
        return Database.migrate(dataSource);
    }

    @Provides
    Transactions transactions(Database database) {
        return database.transactions();
    }

    @Provides
    RegistrationRepository registrations(Database database) {
        return database.registrations();
    }

    @Provides
    AccountRepository accounts(Database database) {
        return database.accounts();
    }

    @Provides
    CompanyRepository companies(Database database) {
        return database.companies();
    }

    @Provides
    MailOutbox mailOutbox(Database database) {
        return database.mailOutbox();
    }

    @Provides
    MailDeliveryQueue mailDeliveryQueue(Database database) {
        return database.mailDeliveryQueue();
    }

    @Provides
    SessionRepository sessions(Database database) {
        return database.sessions();
    }

    @Provides
    LoginFailures loginFailures(Database database) {
        return database.loginFailures();
    }

    @Provides
    PasswordResetRepository passwordResets(Database database) {
        return database.passwordResets();
    }

    @Provides
    AccountDeletions accountDeletions(Database database) {
        return database.accountDeletions();
    }

    @Provides
    CoworkerInvitationRepository coworkerInvitations(Database database) {
        return database.coworkerInvitations();
    }

    @Provides
    EmailChangeRepository emailChanges(Database database) {
        return database.emailChanges();
    }

    @Provides
    TwoFactorRepository twoFactor(Database database) {
        return database.twoFactor();
    }

    @Provides
    MailedCodeRepository mailedCodes(Database database) {
        return database.mailedCodes();
    }

    @Provides
    LoginChallengeRepository loginChallenges(Database database) {
        return database.loginChallenges();
    }

    @Provides
    ResellerConnectionRepository resellerConnections(Database database) {
        return database.resellerConnections();
    }

    @Provides
    ResellerPreferences resellerPreferences(Database database) {
        return database.resellerPreferences();
    }

    @Provides
    com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository lifecycleReminders(Database database) {
        return database.lifecycleReminders();
    }

    @Provides
    PlanRepository plans(Database database) {
        return database.plans();
    }

    @Provides
    DeviceOwners deviceOwners(Database database) {
        return database.deviceOwners();
    }

    @Provides
    EventNotificationRepository eventNotifications(Database database) {
        return database.eventNotifications();
    }

    @Provides
    NotificationTargets notificationTargets(Database database) {
        return database.notificationTargets();
    }

    @Provides
    NotificationThrottleRepository notificationThrottles(Database database) {
        return database.notificationThrottles();
    }

    @Provides
    DeviceRegistrationRepository deviceRegistrations(Database database) {
        return database.deviceRegistrations();
    }

    @Provides
    DeviceCommandOutbox deviceCommands(Database database) {
        return database.deviceCommands();
    }

    @Provides
    DeviceCatalog deviceCatalog(Database database) {
        return database.deviceCatalog();
    }

    @Provides
    DeviceStateRepository deviceStates(Database database) {
        return database.deviceStates();
    }

    @Provides
    DeviceEventRepository deviceEvents(Database database) {
        return database.deviceEvents();
    }

    @Provides
    com.smartconnect.application.device.port.out.StatusHistoryRepository statusHistory(Database database) {
        return database.statusHistory();
    }
}
