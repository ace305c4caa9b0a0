package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.smartconnect.application.port.in.ChangePlanUseCase;
import com.smartconnect.application.port.in.PlanQuery;
import com.smartconnect.application.port.in.RunPlanScheduleUseCase;
import com.smartconnect.application.service.PlanSchedule;
import com.smartconnect.application.service.PlanService;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.application.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.port.in.InviteResellerUseCase;
import com.smartconnect.application.port.in.ManageResellerUseCase;
import com.smartconnect.application.port.in.ResellerLinkUseCase;
import com.smartconnect.application.port.in.ResellerQuery;
import com.smartconnect.application.service.ResellerInvitationExpiry;
import com.smartconnect.application.service.ResellerLinkService;
import com.smartconnect.application.service.ResellerMails;
import com.smartconnect.application.service.ResellerService;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.smartconnect.application.port.in.CompleteLogInUseCase;
import com.smartconnect.application.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.port.in.TwoFactorCheck;
import com.smartconnect.application.port.in.TwoFactorQuery;
import com.smartconnect.application.port.in.NotificationLinkUseCase;
import com.smartconnect.application.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.port.in.ReenableNotificationsUseCase;
import com.smartconnect.application.port.out.LinkSigner;
import com.smartconnect.application.service.EventNotificationDelivery;
import com.smartconnect.application.service.NotificationLinkService;
import com.smartconnect.application.service.NotificationSettingsService;
import com.smartconnect.application.port.out.SecretSealer;
import com.smartconnect.application.port.out.TotpCodeGenerator;
import com.smartconnect.application.service.CompleteLogInService;
import com.smartconnect.application.service.DisableTwoFactorService;
import com.smartconnect.application.service.LoginAttempts;
import com.smartconnect.application.service.SecondFactor;
import com.smartconnect.application.service.SendTwoFactorCodeService;
import com.smartconnect.application.service.TwoFactorEnrolmentService;
import com.smartconnect.application.service.TwoFactorGate;
import com.google.inject.Scopes;
import com.smartconnect.application.port.in.AuthenticateUseCase;
import com.smartconnect.application.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.port.in.ChangePasswordUseCase;
import com.smartconnect.application.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.port.in.InvitationLookupQuery;
import com.smartconnect.application.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.port.in.DeleteAccountUseCase;
import com.smartconnect.application.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.port.in.ResetPasswordUseCase;
import com.smartconnect.application.port.in.UpdateProfileUseCase;
import com.smartconnect.application.port.in.LogInUseCase;
import com.smartconnect.application.port.in.LogOutUseCase;
import com.smartconnect.application.port.in.ProfileQuery;
import com.smartconnect.application.port.in.RegistrationStatusQuery;
import com.smartconnect.application.port.in.ResendCodeUseCase;
import com.smartconnect.application.port.in.SignUpUseCase;
import com.smartconnect.application.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.service.ChangePasswordService;
import com.smartconnect.application.service.CoworkerInvitationService;
import com.smartconnect.application.service.EmailChangeService;
import com.smartconnect.application.service.DeleteAccountService;
import com.smartconnect.application.service.LogInService;
import com.smartconnect.application.service.PasswordResetService;
import com.smartconnect.application.service.LogOutService;
import com.smartconnect.application.service.ProfileService;
import com.smartconnect.application.service.RegistrationStatusService;
import com.smartconnect.application.service.SessionAuthenticator;
import com.smartconnect.domain.session.SessionPolicy;
import com.smartconnect.application.service.ResendCodeService;
import com.smartconnect.application.service.SignUpService;
import com.smartconnect.application.service.VerifyRegistrationService;
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
        bind(com.smartconnect.application.port.in.RunResellerRemindersUseCase.class)
                .to(com.smartconnect.application.service.ResellerReminders.class).in(Scopes.SINGLETON);
        bind(com.smartconnect.application.service.LifecycleService.class).in(Scopes.SINGLETON);
        bind(com.smartconnect.application.port.in.LifecycleQuery.class)
                .to(com.smartconnect.application.service.LifecycleService.class);
        bind(com.smartconnect.application.port.in.SendLifecycleReminderUseCase.class)
                .to(com.smartconnect.application.service.LifecycleService.class);
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
