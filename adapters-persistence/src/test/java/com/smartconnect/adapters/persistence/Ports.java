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

/**
 * One set of the outbound ports that keep the portal's data, sharing one {@link Transactions}: the database's
 * ({@link DatabasePorts}) or the application's in-memory fakes ({@link InMemoryPorts}). A contract asks for its port
 * here, so that the same tests hold every implementation to the same behaviour.
 */
interface Ports extends AutoCloseable {

    /** {@code H2}, {@code PostgreSQL} or {@code in memory}, for messages. */
    String kind();

    /** Whether these are the in-memory fakes, which skip the tests of {@link DatabaseOnly}. */
    boolean inMemory();

    /** Throws away what the ports kept. */
    @Override
    void close();

    Transactions transactions();

    RegistrationRepository registrations();

    AccountRepository accounts();

    CompanyRepository companies();

    MailOutbox mailOutbox();

    MailDeliveryQueue mailDeliveryQueue();

    SessionRepository sessions();

    LoginFailures loginFailures();

    PasswordResetRepository passwordResets();

    AccountDeletions accountDeletions();

    CoworkerInvitationRepository coworkerInvitations();

    EmailChangeRepository emailChanges();

    TwoFactorRepository twoFactor();

    MailedCodeRepository mailedCodes();

    LoginChallengeRepository loginChallenges();

    ResellerConnectionRepository resellerConnections();

    ResellerPreferences resellerPreferences();

    DeviceCatalog deviceCatalog();

    DeviceStateRepository deviceStates();

    DeviceEventRepository deviceEvents();

    com.smartconnect.application.device.port.out.StatusHistoryRepository statusHistory();

    PlanRepository plans();

    LifecycleReminderRepository lifecycleReminders();

    DeviceOwners deviceOwners();

    DeviceRegistrationRepository deviceRegistrations();

    DeviceCommandOutbox deviceCommands();

    EventNotificationRepository eventNotifications();

    NotificationTargets notificationTargets();

    NotificationThrottleRepository notificationThrottles();
}
