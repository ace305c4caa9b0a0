package com.smartconnect.adapters.persistence;

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
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import java.util.Objects;
import java.util.Optional;

/** The ports of a fresh {@link Database}, H2 or PostgreSQL, migrated as in production. */
final class DatabasePorts implements Ports {

    private final TestDatabase testDatabase;
    private final Database database;

    private DatabasePorts(TestDatabase testDatabase) {
        this.testDatabase = Objects.requireNonNull(testDatabase);
        this.database = Database.migrate(testDatabase.dataSource());
    }

    /** Over an in-memory H2 database, the embedded default. */
    static Optional<Ports> h2() {
        return Optional.of(new DatabasePorts(TestDatabases.freshH2()));
    }

    /** Over a schema of its own in PostgreSQL; empty unless PostgreSQL is configured. */
    static Optional<Ports> postgres() {
        return TestDatabases.freshPostgres().map(DatabasePorts::new);
    }

    /** The database under the ports, for the tests that look into its tables. */
    TestDatabase testDatabase() {
        return testDatabase;
    }

    @Override
    public String kind() {
        return testDatabase.kind();
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public void close() {
        testDatabase.close();
    }

    @Override
    public Transactions transactions() {
        return database.transactions();
    }

    @Override
    public RegistrationRepository registrations() {
        return database.registrations();
    }

    @Override
    public AccountRepository accounts() {
        return database.accounts();
    }

    @Override
    public CompanyRepository companies() {
        return database.companies();
    }

    @Override
    public MailOutbox mailOutbox() {
        return database.mailOutbox();
    }

    @Override
    public MailDeliveryQueue mailDeliveryQueue() {
        return database.mailDeliveryQueue();
    }

    @Override
    public SessionRepository sessions() {
        return database.sessions();
    }

    @Override
    public LoginFailures loginFailures() {
        return database.loginFailures();
    }

    @Override
    public PasswordResetRepository passwordResets() {
        return database.passwordResets();
    }

    @Override
    public AccountDeletions accountDeletions() {
        return database.accountDeletions();
    }

    @Override
    public CoworkerInvitationRepository coworkerInvitations() {
        return database.coworkerInvitations();
    }

    @Override
    public EmailChangeRepository emailChanges() {
        return database.emailChanges();
    }

    @Override
    public TwoFactorRepository twoFactor() {
        return database.twoFactor();
    }

    @Override
    public MailedCodeRepository mailedCodes() {
        return database.mailedCodes();
    }

    @Override
    public LoginChallengeRepository loginChallenges() {
        return database.loginChallenges();
    }

    @Override
    public ResellerConnectionRepository resellerConnections() {
        return database.resellerConnections();
    }

    @Override
    public ResellerPreferences resellerPreferences() {
        return database.resellerPreferences();
    }

    @Override
    public DeviceCatalog deviceCatalog() {
        return database.deviceCatalog();
    }

    @Override
    public DeviceStateRepository deviceStates() {
        return database.deviceStates();
    }

    @Override
    public DeviceEventRepository deviceEvents() {
        return database.deviceEvents();
    }

    @Override
    public com.smartconnect.application.device.port.out.StatusHistoryRepository statusHistory() {
        return database.statusHistory();
    }

    @Override
    public PlanRepository plans() {
        return database.plans();
    }

    @Override
    public LifecycleReminderRepository lifecycleReminders() {
        return database.lifecycleReminders();
    }

    @Override
    public DeviceOwners deviceOwners() {
        return database.deviceOwners();
    }

    @Override
    public DeviceRegistrationRepository deviceRegistrations() {
        return database.deviceRegistrations();
    }

    @Override
    public DeviceCommandOutbox deviceCommands() {
        return database.deviceCommands();
    }

    @Override
    public EventNotificationRepository eventNotifications() {
        return database.eventNotifications();
    }

    @Override
    public NotificationTargets notificationTargets() {
        return database.notificationTargets();
    }

    @Override
    public NotificationThrottleRepository notificationThrottles() {
        return database.notificationThrottles();
    }
}
