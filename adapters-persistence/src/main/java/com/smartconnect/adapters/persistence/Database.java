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
import com.smartconnect.application.common.port.out.ReadinessProbe;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The portal's database, H2 or PostgreSQL, brought up to the current schema, with the ports that are kept in it.
 * The ports share one {@link Transactions}: whatever they do inside {@link Transactions#inTransaction} commits
 * together.
 */
public final class Database {

    private final DatabaseTransactions transactions;
    private final RegistrationRepository registrations;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final DatabaseMailOutbox mailOutbox;
    private final SessionRepository sessions;
    private final LoginFailures loginFailures;
    private final PasswordResetRepository passwordResets;
    private final AccountDeletions accountDeletions;
    private final CoworkerInvitationRepository coworkerInvitations;
    private final EmailChangeRepository emailChanges;
    private final TwoFactorRepository twoFactor;
    private final MailedCodeRepository mailedCodes;
    private final LoginChallengeRepository loginChallenges;
    private final ResellerConnectionRepository resellerConnections;
    private final ResellerPreferences resellerPreferences;
    private final ReadinessProbe readiness;
    private final DeviceCatalog deviceCatalog;
    private final DeviceStateRepository deviceStates;
    private final DeviceEventRepository deviceEvents;
    private final StatusHistoryRepository statusHistory;
    private final PlanRepository plans;
    private final com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository lifecycleReminders;
    private final DeviceOwners deviceOwners;
    private final DeviceRegistrationRepository deviceRegistrations;
    private final DeviceCommandOutbox deviceCommands;
    private final EventNotificationRepository eventNotifications;
    private final NotificationTargets notificationTargets;
    private final NotificationThrottleRepository notificationThrottles;

    private Database(DSLContext plain, DataSource dataSource) {
        TableWrites targetSources = new TableWrites(DatabaseNotificationTargets.SOURCES);
        DSLContext dsl = DSL.using(plain.configuration().deriveAppending(targetSources));
        this.transactions = new DatabaseTransactions(dsl, dataSource);
        this.registrations = new DatabaseRegistrations(transactions);
        this.accounts = new DatabaseAccounts(transactions);
        this.companies = new DatabaseCompanies(transactions);
        this.mailOutbox = new DatabaseMailOutbox(transactions);
        this.sessions = new DatabaseSessions(transactions);
        this.loginFailures = new DatabaseLoginFailures(transactions);
        this.passwordResets = new DatabasePasswordResets(transactions);
        this.accountDeletions = new DatabaseAccountDeletions(transactions);
        this.coworkerInvitations = new DatabaseCoworkerInvitations(transactions);
        this.emailChanges = new DatabaseEmailChanges(transactions);
        this.twoFactor = new DatabaseTwoFactor(transactions);
        this.mailedCodes = new DatabaseMailedCodes(transactions);
        this.loginChallenges = new DatabaseLoginChallenges(transactions);
        this.resellerConnections = new DatabaseResellerConnections(transactions);
        this.resellerPreferences = new DatabaseResellerPreferences(transactions);
        this.readiness = new DatabaseReadiness(dsl);
        this.deviceCatalog = new DatabaseDeviceCatalog(transactions);
        this.deviceStates = new DatabaseDeviceStates(transactions);
        this.deviceEvents = new DatabaseDeviceEvents(transactions);
        this.statusHistory = new DatabaseStatusHistory(transactions);
        this.plans = new DatabasePlans(transactions);
        this.lifecycleReminders = new DatabaseLifecycleReminders(transactions);
        this.deviceOwners = new DatabaseDeviceOwners(transactions);
        this.deviceRegistrations = new DatabaseDeviceRegistrations(transactions);
        this.deviceCommands = new DatabaseDeviceCommands(transactions);
        this.eventNotifications = new DatabaseEventNotifications(transactions);
        this.notificationTargets = new DatabaseNotificationTargets(transactions, targetSources);
        this.notificationThrottles = new DatabaseNotificationThrottles(transactions);
    }

    /**
     * Applies the Flyway migrations that {@code dataSource} lacks, in its current schema, and returns the database
     * over it. The caller keeps owning the data source and closes it.
     */
    public static Database migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Flyway.configure().dataSource(dataSource).javaMigrations(new V41__Default_event_notifications(), new V61__Status_history_fillfactor(),
                new V62__Status_history_written_once()).load()
                .migrate();
        return new Database(DSL.using(dataSource, dialectOf(dataSource), settings()), dataSource);
    }

    /**
     * Whether the database writes out one commit at a time, so that transactions writing in parallel only wait for each
     * other (H2's store); PostgreSQL flushes the commits of many at once.
     */
    public boolean writesOneCommitAtATime() {
        return transactions.dsl().family() == SQLDialect.H2;
    }

    public Transactions transactions() {
        return transactions;
    }

    public RegistrationRepository registrations() {
        return registrations;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public CompanyRepository companies() {
        return companies;
    }

    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    /** The same outbox as {@link #mailOutbox()}, as mail delivery takes from it. */
    public MailDeliveryQueue mailDeliveryQueue() {
        return mailOutbox;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public LoginFailures loginFailures() {
        return loginFailures;
    }

    public PasswordResetRepository passwordResets() {
        return passwordResets;
    }

    public AccountDeletions accountDeletions() {
        return accountDeletions;
    }

    public CoworkerInvitationRepository coworkerInvitations() {
        return coworkerInvitations;
    }

    public EmailChangeRepository emailChanges() {
        return emailChanges;
    }

    public TwoFactorRepository twoFactor() {
        return twoFactor;
    }

    public MailedCodeRepository mailedCodes() {
        return mailedCodes;
    }

    public LoginChallengeRepository loginChallenges() {
        return loginChallenges;
    }

    public ResellerConnectionRepository resellerConnections() {
        return resellerConnections;
    }

    public ResellerPreferences resellerPreferences() {
        return resellerPreferences;
    }

    /** The device catalog, its lookups cached for a few seconds (the database stays the truth). */
    public DeviceCatalog deviceCatalog() {
        return deviceCatalog;
    }

    public DeviceStateRepository deviceStates() {
        return deviceStates;
    }

    public DeviceEventRepository deviceEvents() {
        return deviceEvents;
    }

    public StatusHistoryRepository statusHistory() {
        return statusHistory;
    }

    /** The lifecycle events due in a window, and the reseller reminders sent. */
    public com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository lifecycleReminders() {
        return lifecycleReminders;
    }

    /** The plan of each device, its history, and the free-period notices sent. */
    public PlanRepository plans() {
        return plans;
    }

    /** Who registered each device: the person mailed about it. */
    public DeviceOwners deviceOwners() {
        return deviceOwners;
    }

    public DeviceRegistrationRepository deviceRegistrations() {
        return deviceRegistrations;
    }

    /** The outbox of commands to devices. */
    public DeviceCommandOutbox deviceCommands() {
        return deviceCommands;
    }

    /** The notifications of the registered devices; they go with the registration. */
    public EventNotificationRepository eventNotifications() {
        return eventNotifications;
    }

    /** What the delivery of Event Notifications reads of a batch of devices, in a few statements. */
    public NotificationTargets notificationTargets() {
        return notificationTargets;
    }

    /** The flood guard of each device's notifications. */
    public NotificationThrottleRepository notificationThrottles() {
        return notificationThrottles;
    }

    /** Named {@code database}; answers within two seconds and never throws. */
    public ReadinessProbe readiness() {
        return readiness;
    }

    /**
     * Names unquoted and without schema: H2 folds unquoted names to upper case and PostgreSQL to lower case, so
     * the same SQL finds the tables of the migrations on both, in whichever schema the connection is in.
     */
    private static Settings settings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderSchema(false);
    }

    private static SQLDialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> SQLDialect.H2;
                case "PostgreSQL" -> SQLDialect.POSTGRES;
                default -> throw new IllegalArgumentException(
                        "SmartConnect runs on H2 or PostgreSQL, not on " + product);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to tell which it is", e);
        }
    }
}
