package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.adapters.web.AcceptingCaptchaVerifier;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.adapters.web.portal.PortalSettings;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.SecretSealer;
import com.smartconnect.adapters.web.HttpCaptchaVerifier;
import com.smartconnect.adapters.web.WebSettings;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.account.invitation.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.account.invitation.port.in.InvitationLookupQuery;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.account.port.in.ChangePasswordUseCase;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.account.port.in.DeleteAccountUseCase;
import com.smartconnect.application.account.port.in.ProfileQuery;
import com.smartconnect.application.account.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.account.port.in.UpdateProfileUseCase;
import com.smartconnect.application.account.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.account.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.account.session.port.in.LogInUseCase;
import com.smartconnect.application.account.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.account.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorQuery;
import com.smartconnect.application.device.port.in.RebootOutletGroupUseCase;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityUseCase;
import com.smartconnect.application.device.port.in.UnregisterDeviceUseCase;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileUseCase;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.in.ResellerQuery;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The HTTP API and the captcha check, on the one {@link Vertx} of this instance. */
final class WebModule extends AbstractModule {

    /** Bodies larger than this are refused before they are parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Configuration configuration;
    private final Vertx vertx;
    private final Optional<CaptchaVerifier> givenCaptcha;

    private final ConnectionBudget budget;

    WebModule(Configuration configuration, ConnectionBudget budget, Vertx vertx, Optional<CaptchaVerifier> givenCaptcha) {
        this.configuration = configuration;
        this.budget = budget;
        this.vertx = vertx;
        this.givenCaptcha = givenCaptcha;
    }

    @Override
    protected void configure() {
        bind(Vertx.class).toInstance(vertx);
    }

    @Provides
    @Singleton
    CaptchaVerifier captcha() {
        return givenCaptcha.orElseGet(() -> configuration.captchaVerifyUrl()
                .<CaptchaVerifier>map(url -> new HttpCaptchaVerifier(vertx, url, configuration.captchaSecret().orElse("")))
                .orElseGet(AcceptingCaptchaVerifier::new));
    }

    /** Not a singleton, so the production stage does not build it eagerly: it is built only when HTTP is on. */
    @Provides
    HttpApi httpApi(SignUpUseCase signUp, VerifyRegistrationUseCase verify, ResendCodeUseCase resend,
            RegistrationStatusQuery status, LogInUseCase logIn, LogOutUseCase logOut, AuthenticateUseCase authenticate,
            ProfileQuery profile, RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword,
            PasswordResetLinkQuery passwordResetLink, ChangePasswordUseCase changePassword,
            DeleteAccountUseCase deleteAccount, InviteCoworkerUseCase inviteCoworker,
            CoworkerInvitationsQuery coworkerInvitations, CancelCoworkerInvitationUseCase cancelCoworkerInvitation,
            InvitationLookupQuery invitationLookup, UpdateProfileUseCase updateProfile,
            RequestEmailChangeUseCase requestEmailChange, ConfirmEmailChangeUseCase confirmEmailChange,
            CompleteLogInUseCase completeLogIn, SendTwoFactorCodeUseCase sendTwoFactorCode, TwoFactorQuery twoFactor,
            StartTwoFactorEnrolmentUseCase startTwoFactorEnrolment,
            ConfirmTwoFactorEnrolmentUseCase confirmTwoFactorEnrolment, DisableTwoFactorUseCase disableTwoFactor,
            ResellerQuery reseller, InviteResellerUseCase inviteReseller, ManageResellerUseCase manageReseller,
            ResellerLinkUseCase resellerLinks, PlanQuery plans, ChangePlanUseCase changePlan,
            HttpApi.DeviceUseCases devices, NotificationSettingsUseCase notificationSettings,
            NotificationLinkUseCase notificationLinks, LinkSigner linkSigner, SecretSealer secretSealer,
            Database database, Clock clock) {
        // With HTTP off (-1) the API may still be mounted as a router by the host; its own port is then never used.
        return new HttpApi(new WebSettings(configuration.httpHost(), Math.max(0, configuration.httpPort()),
                MAX_BODY_BYTES, configuration.integrationKeys(), new WebSettings.Limits(
                        configuration.limits().httpIdleTimeout(), budget.http(),
                        configuration.limits().effectiveLabelPhotoDecodes(),
                        configuration.limits().labelPhotoDecodesPerAccount()), configuration.httpTls()),
                new HttpApi.UseCases(signUp, verify, resend, status, logIn, logOut, authenticate, profile,
                        requestPasswordReset, resetPassword, passwordResetLink, changePassword, deleteAccount,
                        inviteCoworker, coworkerInvitations, cancelCoworkerInvitation, invitationLookup, updateProfile,
                        requestEmailChange, confirmEmailChange, completeLogIn, sendTwoFactorCode, twoFactor,
                        startTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, reseller, inviteReseller,
                        manageReseller, resellerLinks, plans, changePlan),
                devices, new HttpApi.NotificationUseCases(notificationSettings, notificationLinks),
                new PortalSettings(linkSigner, secretSealer, configuration.captchaSiteKey().map(siteKey ->
                        new PortalSettings.CaptchaWidget(configuration.captchaScriptUrl().orElseThrow().toString(),
                                siteKey, "g-recaptcha-response"))),
                List.of(database.readiness()), clock);
    }

    @Provides
    HttpApi.DeviceUseCases deviceUseCases(RegisterDeviceUseCase register, RegisteredDevicesQuery devices,
            UpdateDeviceProfileUseCase updateProfile, UnregisterDeviceUseCase unregister,
            SetDeviceSensitivityUseCase setSensitivity, RebootOutletGroupUseCase reboot,
            com.smartconnect.application.lifecycle.port.in.LifecycleQuery lifecycle,
            com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase sendLifecycleReminder,
            com.smartconnect.application.catalog.port.in.ImportCatalogUseCase importCatalog,
            com.smartconnect.application.device.port.in.StatusHistoryQuery history) {
        return new HttpApi.DeviceUseCases(register, devices, updateProfile, unregister, setSensitivity, reboot,
                lifecycle, sendLifecycleReminder, importCatalog, history);
    }
}
