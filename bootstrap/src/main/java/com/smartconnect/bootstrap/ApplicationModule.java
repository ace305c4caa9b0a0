package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.RunPlanScheduleUseCase;
import com.smartconnect.application.plan.PlanSchedule;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.application.reseller.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.in.ResellerQuery;
import com.smartconnect.application.reseller.ResellerInvitationExpiry;
import com.smartconnect.application.reseller.ResellerLinkService;
import com.smartconnect.application.reseller.ResellerMails;
import com.smartconnect.application.reseller.ResellerService;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.smartconnect.application.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.twofactor.port.in.TwoFactorQuery;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.notification.EventNotificationDelivery;
import com.smartconnect.application.notification.NotificationLinkService;
import com.smartconnect.application.notification.NotificationSettingsService;
import com.smartconnect.application.common.port.out.SecretSealer;
import com.smartconnect.application.twofactor.port.out.TotpCodeGenerator;
import com.smartconnect.application.session.CompleteLogInService;
import com.smartconnect.application.twofactor.DisableTwoFactorService;
import com.smartconnect.application.session.LoginAttempts;
import com.smartconnect.application.twofactor.SecondFactor;
import com.smartconnect.application.twofactor.SendTwoFactorCodeService;
import com.smartconnect.application.twofactor.TwoFactorEnrolmentService;
import com.smartconnect.application.twofactor.TwoFactorGate;
import com.google.inject.Scopes;
import com.smartconnect.application.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.invitation.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.account.port.in.ChangePasswordUseCase;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.account.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.invitation.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.invitation.port.in.InvitationLookupQuery;
import com.smartconnect.application.invitation.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.account.port.in.DeleteAccountUseCase;
import com.smartconnect.application.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.port.in.UpdateProfileUseCase;
import com.smartconnect.application.session.port.in.LogInUseCase;
import com.smartconnect.application.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.port.in.ProfileQuery;
import com.smartconnect.application.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.registration.port.in.SignUpUseCase;
import com.smartconnect.application.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.account.ChangePasswordService;
import com.smartconnect.application.invitation.CoworkerInvitationService;
import com.smartconnect.application.account.EmailChangeService;
import com.smartconnect.application.account.DeleteAccountService;
import com.smartconnect.application.session.LogInService;
import com.smartconnect.application.session.PasswordResetService;
import com.smartconnect.application.session.LogOutService;
import com.smartconnect.application.account.ProfileService;
import com.smartconnect.application.registration.RegistrationStatusService;
import com.smartconnect.application.session.SessionAuthenticator;
import com.smartconnect.domain.session.SessionPolicy;
import com.smartconnect.application.registration.ResendCodeService;
import com.smartconnect.application.registration.SignUpService;
import com.smartconnect.application.registration.VerifyRegistrationService;
import java.time.Clock;

/** The use cases and the services behind them, with the clock and randomness they run on. */
final class ApplicationModule extends AbstractModule {

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final SessionPolicy sessionPolicy;
    private final byte[] secretKey;
    private final FreePeriodPolicy freePeriod;

    ApplicationModule(Clock clock, PasswordHasher passwordHasher, SessionPolicy sessionPolicy, byte[] secretKey,
            FreePeriodPolicy freePeriod) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.sessionPolicy = sessionPolicy;
        this.secretKey = secretKey.clone();
        this.freePeriod = freePeriod;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(PasswordHasher.class).toInstance(passwordHasher);
        bind(RandomSource.class).to(SecureRandomSource.class).in(Scopes.SINGLETON);
        bind(SignUpUseCase.class).to(SignUpService.class).in(Scopes.SINGLETON);
        bind(VerifyRegistrationUseCase.class).to(VerifyRegistrationService.class).in(Scopes.SINGLETON);
        bind(ResendCodeUseCase.class).to(ResendCodeService.class).in(Scopes.SINGLETON);
        bind(RegistrationStatusQuery.class).to(RegistrationStatusService.class).in(Scopes.SINGLETON);
        bind(SessionPolicy.class).toInstance(sessionPolicy);
        bind(LogInUseCase.class).to(LogInService.class).in(Scopes.SINGLETON);
        bind(LogOutUseCase.class).to(LogOutService.class).in(Scopes.SINGLETON);
        bind(AuthenticateUseCase.class).to(SessionAuthenticator.class).in(Scopes.SINGLETON);
        bind(ProfileService.class).in(Scopes.SINGLETON);
        bind(ProfileQuery.class).to(ProfileService.class);
        bind(UpdateProfileUseCase.class).to(ProfileService.class);
        bind(PasswordResetService.class).in(Scopes.SINGLETON);
        bind(RequestPasswordResetUseCase.class).to(PasswordResetService.class);
        bind(ResetPasswordUseCase.class).to(PasswordResetService.class);
        bind(PasswordResetLinkQuery.class).to(PasswordResetService.class);
        bind(ChangePasswordUseCase.class).to(ChangePasswordService.class).in(Scopes.SINGLETON);
        bind(DeleteAccountUseCase.class).to(DeleteAccountService.class).in(Scopes.SINGLETON);
        bind(EmailChangeService.class).in(Scopes.SINGLETON);
        bind(RequestEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(ConfirmEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(CoworkerInvitationService.class).in(Scopes.SINGLETON);
        bind(InviteCoworkerUseCase.class).to(CoworkerInvitationService.class);
        bind(CoworkerInvitationsQuery.class).to(CoworkerInvitationService.class);
        bind(CancelCoworkerInvitationUseCase.class).to(CoworkerInvitationService.class);
        bind(InvitationLookupQuery.class).to(CoworkerInvitationService.class);
        bind(TotpCodeGenerator.class).to(JavaOtpCodeGenerator.class).in(Scopes.SINGLETON);
        bind(SecondFactor.class).in(Scopes.SINGLETON);
        bind(LoginAttempts.class).in(Scopes.SINGLETON);
        bind(CompleteLogInUseCase.class).to(CompleteLogInService.class).in(Scopes.SINGLETON);
        bind(SendTwoFactorCodeUseCase.class).to(SendTwoFactorCodeService.class).in(Scopes.SINGLETON);
        bind(TwoFactorEnrolmentService.class).in(Scopes.SINGLETON);
        bind(TwoFactorQuery.class).to(TwoFactorEnrolmentService.class);
        bind(StartTwoFactorEnrolmentUseCase.class).to(TwoFactorEnrolmentService.class);
        bind(ConfirmTwoFactorEnrolmentUseCase.class).to(TwoFactorEnrolmentService.class);
        bind(DisableTwoFactorUseCase.class).to(DisableTwoFactorService.class).in(Scopes.SINGLETON);
        bind(TwoFactorCheck.class).to(TwoFactorGate.class).in(Scopes.SINGLETON);
        bind(FreePeriodPolicy.class).toInstance(freePeriod);
        bind(PlanService.class).in(Scopes.SINGLETON);
        bind(PlanQuery.class).to(PlanService.class);
        bind(ChangePlanUseCase.class).to(PlanService.class);
        bind(RunPlanScheduleUseCase.class).to(PlanSchedule.class).in(Scopes.SINGLETON);
        bind(EventNotificationDelivery.class).in(Scopes.SINGLETON);
        bind(NotificationSettingsUseCase.class).to(NotificationSettingsService.class).in(Scopes.SINGLETON);
        bind(NotificationLinkService.class).in(Scopes.SINGLETON);
        bind(NotificationLinkUseCase.class).to(NotificationLinkService.class);
        bind(ReenableNotificationsUseCase.class).to(NotificationLinkService.class);
        bind(ResellerMails.class).in(Scopes.SINGLETON);
        bind(ResellerService.class).in(Scopes.SINGLETON);
        bind(ResellerQuery.class).to(ResellerService.class);
        bind(InviteResellerUseCase.class).to(ResellerService.class);
        bind(ManageResellerUseCase.class).to(ResellerService.class);
        bind(ResellerLinkUseCase.class).to(ResellerLinkService.class).in(Scopes.SINGLETON);
        bind(com.smartconnect.application.reseller.port.in.RunResellerRemindersUseCase.class)
                .to(com.smartconnect.application.reseller.ResellerReminders.class).in(Scopes.SINGLETON);
        bind(com.smartconnect.application.lifecycle.LifecycleService.class).in(Scopes.SINGLETON);
        bind(com.smartconnect.application.lifecycle.port.in.LifecycleQuery.class)
                .to(com.smartconnect.application.lifecycle.LifecycleService.class);
        bind(com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase.class)
                .to(com.smartconnect.application.lifecycle.LifecycleService.class);
        bind(ExpireResellerInvitationsUseCase.class).to(ResellerInvitationExpiry.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    SecretSealer secretSealer(RandomSource random) {
        return new AesGcmSecretSealer(secretKey, random);
    }

    @Provides
    @Singleton
    LinkSigner linkSigner() {
        return new HmacLinkSigner(secretKey);
    }
}
