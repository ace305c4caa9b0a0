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
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccountDeletions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryCoworkerInvitations;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceCommandOutbox;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceOwners;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryEmailChanges;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryLifecycleReminders;
import com.smartconnect.application.fake.InMemoryLoginChallenges;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryMailedCodes;
import com.smartconnect.application.fake.InMemoryNotificationTargets;
import com.smartconnect.application.fake.InMemoryNotificationThrottles;
import com.smartconnect.application.fake.InMemoryPasswordResets;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.InMemoryRegistrations;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.InMemoryResellerPreferences;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.InMemoryTwoFactor;
import java.util.Optional;

/**
 * The application's in-memory fakes of the same ports, wired to one another as the database's tables are (the
 * notification targets and the device owners read the registrations, the accounts, the plans): what the
 * application's tests run against must behave as the database does.
 */
final class InMemoryPorts implements Ports {

    private final Transactions transactions = new DirectTransactions();
    private final RegistrationRepository registrations = new InMemoryRegistrations();
    private final AccountRepository accounts = new InMemoryAccounts();
    private final CompanyRepository companies = new InMemoryCompanies();
    private final InMemoryMailOutbox mailOutbox = new InMemoryMailOutbox();
    private final SessionRepository sessions = new InMemorySessions();
    private final LoginFailures loginFailures = new InMemoryLoginFailures();
    private final PasswordResetRepository passwordResets = new InMemoryPasswordResets();
    private final AccountDeletions accountDeletions = new InMemoryAccountDeletions();
    private final CoworkerInvitationRepository coworkerInvitations = new InMemoryCoworkerInvitations();
    private final EmailChangeRepository emailChanges = new InMemoryEmailChanges();
    private final TwoFactorRepository twoFactor = new InMemoryTwoFactor();
    private final MailedCodeRepository mailedCodes = new InMemoryMailedCodes();
    private final LoginChallengeRepository loginChallenges = new InMemoryLoginChallenges();
    private final ResellerConnectionRepository resellerConnections = new InMemoryResellerConnections();
    private final ResellerPreferences resellerPreferences = new InMemoryResellerPreferences();
    private final DeviceCatalog deviceCatalog = new InMemoryDeviceCatalog();
    private final DeviceStateRepository deviceStates = new InMemoryDeviceStates();
    private final DeviceEventRepository deviceEvents = new InMemoryDeviceEvents();
    private final com.smartconnect.application.fake.InMemoryStatusHistory statusHistory =
            new com.smartconnect.application.fake.InMemoryStatusHistory();
    private final PlanRepository plans = new InMemoryPlans();
    private final LifecycleReminderRepository lifecycleReminders = new InMemoryLifecycleReminders();
    private final DeviceRegistrationRepository deviceRegistrations = new InMemoryDeviceRegistrations();
    private final DeviceCommandOutbox deviceCommands = new InMemoryDeviceCommandOutbox();
    private final EventNotificationRepository eventNotifications = new InMemoryEventNotifications();
    private final NotificationThrottleRepository notificationThrottles = new InMemoryNotificationThrottles();
    private final DeviceOwners deviceOwners = new InMemoryDeviceOwners(deviceRegistrations, accounts);
    private final NotificationTargets notificationTargets = new InMemoryNotificationTargets(deviceRegistrations, accounts, plans, eventNotifications);

    /** A fresh set of fakes, empty. */
    static Optional<Ports> fresh() {
        return Optional.of(new InMemoryPorts());
    }

    @Override
    public String kind() {
        return "in memory";
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public RegistrationRepository registrations() {
        return registrations;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public CompanyRepository companies() {
        return companies;
    }

    @Override
    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    @Override
    public MailDeliveryQueue mailDeliveryQueue() {
        return mailOutbox;
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    @Override
    public PasswordResetRepository passwordResets() {
        return passwordResets;
    }

    @Override
    public AccountDeletions accountDeletions() {
        return accountDeletions;
    }

    @Override
    public CoworkerInvitationRepository coworkerInvitations() {
        return coworkerInvitations;
    }

    @Override
    public EmailChangeRepository emailChanges() {
        return emailChanges;
    }

    @Override
    public TwoFactorRepository twoFactor() {
        return twoFactor;
    }

    @Override
    public MailedCodeRepository mailedCodes() {
        return mailedCodes;
    }

    @Override
    public LoginChallengeRepository loginChallenges() {
        return loginChallenges;
    }

    @Override
    public ResellerConnectionRepository resellerConnections() {
        return resellerConnections;
    }

    @Override
    public ResellerPreferences resellerPreferences() {
        return resellerPreferences;
    }

    @Override
    public DeviceCatalog deviceCatalog() {
        return deviceCatalog;
    }

    @Override
    public DeviceStateRepository deviceStates() {
        return deviceStates;
    }

    @Override
    public DeviceEventRepository deviceEvents() {
        return deviceEvents;
    }

    @Override
    public com.smartconnect.application.device.port.out.StatusHistoryRepository statusHistory() {
        return statusHistory;
    }

    @Override
    public PlanRepository plans() {
        return plans;
    }

    @Override
    public LifecycleReminderRepository lifecycleReminders() {
        return lifecycleReminders;
    }

    @Override
    public DeviceOwners deviceOwners() {
        return deviceOwners;
    }

    @Override
    public DeviceRegistrationRepository deviceRegistrations() {
        return deviceRegistrations;
    }

    @Override
    public DeviceCommandOutbox deviceCommands() {
        return deviceCommands;
    }

    @Override
    public EventNotificationRepository eventNotifications() {
        return eventNotifications;
    }

    @Override
    public NotificationTargets notificationTargets() {
        return notificationTargets;
    }

    @Override
    public NotificationThrottleRepository notificationThrottles() {
        return notificationThrottles;
    }
}
