package com.smartconnect.adapters.web;

import com.smartconnect.adapters.web.portal.PortalSettings;
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
import com.smartconnect.application.common.port.out.ReadinessProbe;
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
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The REST API of SmartConnect under its OpenAPI contract ({@code /api/openapi.yaml}), with health and metrics, the
 * portal's pages when it is given its settings, the pages that e-mail links open (password reset, a reseller's accept
 * and unsubscribe links, the unsubscribe and
 * enable links of event notifications), and the integration
 * endpoints other applications call with their key (devices' plans, the device catalog).
 * {@link #start} deploys it on a {@link Vertx} the caller owns; {@link #stop} takes it down gracefully.
 */
public final class HttpApi {

    /** The inbound ports the API drives. */
    public record UseCases(SignUpUseCase signUp, VerifyRegistrationUseCase verify, ResendCodeUseCase resend,
            RegistrationStatusQuery registrationStatus, LogInUseCase logIn, LogOutUseCase logOut,
            AuthenticateUseCase authenticate, ProfileQuery profile, RequestPasswordResetUseCase requestPasswordReset,
            ResetPasswordUseCase resetPassword, PasswordResetLinkQuery passwordResetLink,
            ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount,
            InviteCoworkerUseCase inviteCoworker, CoworkerInvitationsQuery coworkerInvitations,
            CancelCoworkerInvitationUseCase cancelCoworkerInvitation, InvitationLookupQuery invitationLookup,
            UpdateProfileUseCase updateProfile, RequestEmailChangeUseCase requestEmailChange,
            ConfirmEmailChangeUseCase confirmEmailChange, CompleteLogInUseCase completeLogIn,
            SendTwoFactorCodeUseCase sendTwoFactorCode, TwoFactorQuery twoFactor,
            StartTwoFactorEnrolmentUseCase startTwoFactorEnrolment,
            ConfirmTwoFactorEnrolmentUseCase confirmTwoFactorEnrolment, DisableTwoFactorUseCase disableTwoFactor,
            ResellerQuery reseller, InviteResellerUseCase inviteReseller, ManageResellerUseCase manageReseller,
            ResellerLinkUseCase resellerLinks, PlanQuery plans, ChangePlanUseCase changePlan) {

        public UseCases {
            Objects.requireNonNull(signUp, "signUp");
            Objects.requireNonNull(verify, "verify");
            Objects.requireNonNull(resend, "resend");
            Objects.requireNonNull(registrationStatus, "registrationStatus");
            Objects.requireNonNull(logIn, "logIn");
            Objects.requireNonNull(logOut, "logOut");
            Objects.requireNonNull(authenticate, "authenticate");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(requestPasswordReset, "requestPasswordReset");
            Objects.requireNonNull(resetPassword, "resetPassword");
            Objects.requireNonNull(passwordResetLink, "passwordResetLink");
            Objects.requireNonNull(changePassword, "changePassword");
            Objects.requireNonNull(deleteAccount, "deleteAccount");
            Objects.requireNonNull(inviteCoworker, "inviteCoworker");
            Objects.requireNonNull(coworkerInvitations, "coworkerInvitations");
            Objects.requireNonNull(cancelCoworkerInvitation, "cancelCoworkerInvitation");
            Objects.requireNonNull(invitationLookup, "invitationLookup");
            Objects.requireNonNull(updateProfile, "updateProfile");
            Objects.requireNonNull(requestEmailChange, "requestEmailChange");
            Objects.requireNonNull(confirmEmailChange, "confirmEmailChange");
            Objects.requireNonNull(completeLogIn, "completeLogIn");
            Objects.requireNonNull(sendTwoFactorCode, "sendTwoFactorCode");
            Objects.requireNonNull(twoFactor, "twoFactor");
            Objects.requireNonNull(startTwoFactorEnrolment, "startTwoFactorEnrolment");
            Objects.requireNonNull(confirmTwoFactorEnrolment, "confirmTwoFactorEnrolment");
            Objects.requireNonNull(disableTwoFactor, "disableTwoFactor");
            Objects.requireNonNull(reseller, "reseller");
            Objects.requireNonNull(inviteReseller, "inviteReseller");
            Objects.requireNonNull(manageReseller, "manageReseller");
            Objects.requireNonNull(resellerLinks, "resellerLinks");
            Objects.requireNonNull(plans, "plans");
            Objects.requireNonNull(changePlan, "changePlan");
        }
    }

    /**
     * The inbound ports of the device pages (issue 4): registration, profile, status, event log, commands; and the
     * catalog import of the integration endpoint.
     */
    public record DeviceUseCases(RegisterDeviceUseCase register, RegisteredDevicesQuery devices,
            UpdateDeviceProfileUseCase updateProfile, UnregisterDeviceUseCase unregister,
            SetDeviceSensitivityUseCase setSensitivity, RebootOutletGroupUseCase rebootOutletGroup,
            com.smartconnect.application.lifecycle.port.in.LifecycleQuery lifecycle,
            com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase sendLifecycleReminder,
            com.smartconnect.application.catalog.port.in.ImportCatalogUseCase importCatalog,
            com.smartconnect.application.device.port.in.StatusHistoryQuery history) {

        public DeviceUseCases {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(updateProfile, "updateProfile");
            Objects.requireNonNull(unregister, "unregister");
            Objects.requireNonNull(setSensitivity, "setSensitivity");
            Objects.requireNonNull(rebootOutletGroup, "rebootOutletGroup");
            Objects.requireNonNull(lifecycle, "lifecycle");
            Objects.requireNonNull(sendLifecycleReminder, "sendLifecycleReminder");
            Objects.requireNonNull(importCatalog, "importCatalog");
        }
    }

    /**
     * The inbound ports of Email Event Notifications: the settings of a device's notifications (behind a session) and
     * the links of the notification mails (unsubscribe, enable again), which open pages without a login.
     */
    public record NotificationUseCases(NotificationSettingsUseCase settings, NotificationLinkUseCase links) {

        public NotificationUseCases {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(links, "links");
        }
    }

    private final WebSettings settings;
    private final UseCases useCases;
    private final Optional<DeviceUseCases> deviceUseCases;
    private final Optional<NotificationUseCases> notificationUseCases;
    private final Optional<PortalSettings> portal;
    private final List<ReadinessProbe> readiness;
    private final Clock clock;
    private Vertx vertx;
    private HttpApiVerticle verticle;
    private String deploymentId;
    private HttpApiVerticle mounted;
    private Vertx mountedVertx;
    private String mountedDeploymentId;

    public HttpApi(WebSettings settings, UseCases useCases, List<ReadinessProbe> readiness) {
        this(settings, useCases, readiness, Clock.systemUTC());
    }

    /**
     * With the clock the use cases run on: session cookies live until the session's absolute expiry, and their
     * {@code Max-Age} is counted from this clock's now.
     */
    public HttpApi(WebSettings settings, UseCases useCases, List<ReadinessProbe> readiness, Clock clock) {
        this(settings, useCases, Optional.empty(), Optional.empty(), readiness, clock);
    }

    /** With the device pages; without them (the other constructors) their operations answer 404 {@code NOT_FOUND}. */
    public HttpApi(WebSettings settings, UseCases useCases, DeviceUseCases deviceUseCases,
            List<ReadinessProbe> readiness, Clock clock) {
        this(settings, useCases, Optional.of(deviceUseCases), Optional.empty(), readiness, clock);
    }

    /**
     * With the device pages and Email Event Notifications; without the notifications (the other constructors) their
     * operations answer 404 {@code NOT_FOUND} and the pages of their mail links a 404 page.
     */
    public HttpApi(WebSettings settings, UseCases useCases, DeviceUseCases deviceUseCases,
            NotificationUseCases notificationUseCases, List<ReadinessProbe> readiness, Clock clock) {
        this(settings, useCases, Optional.of(deviceUseCases), Optional.of(notificationUseCases), Optional.empty(),
                readiness, clock);
    }

    /**
     * With the portal as well: the pages a person uses with only a browser, on the API's own server (a router
     * mounted by another application carries the API alone).
     */
    public HttpApi(WebSettings settings, UseCases useCases, DeviceUseCases deviceUseCases,
            NotificationUseCases notificationUseCases, PortalSettings portal, List<ReadinessProbe> readiness,
            Clock clock) {
        this(settings, useCases, Optional.of(deviceUseCases), Optional.of(notificationUseCases), Optional.of(portal),
                readiness, clock);
    }

    private HttpApi(WebSettings settings, UseCases useCases, Optional<DeviceUseCases> deviceUseCases,
            Optional<NotificationUseCases> notificationUseCases, List<ReadinessProbe> readiness, Clock clock) {
        this(settings, useCases, deviceUseCases, notificationUseCases, Optional.empty(), readiness, clock);
    }

    private HttpApi(WebSettings settings, UseCases useCases, Optional<DeviceUseCases> deviceUseCases,
            Optional<NotificationUseCases> notificationUseCases, Optional<PortalSettings> portal,
            List<ReadinessProbe> readiness, Clock clock) {
        this.portal = Objects.requireNonNull(portal, "portal");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.deviceUseCases = Objects.requireNonNull(deviceUseCases, "deviceUseCases");
        this.notificationUseCases = Objects.requireNonNull(notificationUseCases, "notificationUseCases");
        this.readiness = List.copyOf(readiness);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Deploys the API; the future holds the port it listens on, which differs from the settings' when that is 0. */
    public synchronized Future<Integer> start(Vertx vertx) {
        Objects.requireNonNull(vertx, "vertx");
        if (verticle != null) {
            return Future.failedFuture(new IllegalStateException("the HTTP API is already started"));
        }
        HttpApiVerticle deploying = new HttpApiVerticle(settings, useCases, deviceUseCases,
                notificationUseCases, portal, readiness, clock, true);
        verticle = deploying;
        // Virtual threads: the use cases block (JDBC, password hashing), which an event loop must never do.
        return vertx.deployVerticle(deploying, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .andThen(deployed -> {
                    synchronized (this) {
                        if (deployed.succeeded()) {
                            this.vertx = vertx;
                            this.deploymentId = deployed.result();
                        } else {
                            verticle = null;
                        }
                    }
                })
                .map(id -> deploying.actualPort());
    }

    /**
     * The API as a router for another application to mount under its own, on {@code vertx} (theirs):
     * {@code hostRouter.route("/ups/*").subRouter(router)}. Its handlers run on virtual threads of their own, whatever
     * thread the host's server calls them on. It may be asked for besides {@link #start(Vertx)}, and once.
     */
    public synchronized Future<Router> router(Vertx vertx) {
        Objects.requireNonNull(vertx, "vertx");
        if (mounted != null) {
            return Future.failedFuture(new IllegalStateException("the HTTP API's router is already made"));
        }
        HttpApiVerticle deploying = new HttpApiVerticle(settings, useCases, deviceUseCases,
                notificationUseCases, Optional.empty(), readiness, clock, false);
        mounted = deploying;
        return vertx.deployVerticle(deploying, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .andThen(deployed -> {
                    synchronized (this) {
                        if (deployed.succeeded()) {
                            mountedVertx = vertx;
                            mountedDeploymentId = deployed.result();
                        } else {
                            mounted = null;
                        }
                    }
                })
                .map(id -> deploying.mountable());
    }

    /**
     * Stops accepting connections, lets requests in flight finish for at most {@code grace}, then undeploys; the
     * mounted router, if any, is undeployed as well (the host's server keeps running). Stopping an API that is not
     * started does nothing.
     */
    public synchronized Future<Void> stop(Duration grace) {
        Future<Void> unmounted = Future.succeededFuture();
        if (mountedDeploymentId != null) {
            unmounted = mountedVertx.undeploy(mountedDeploymentId);
            mounted = null;
            mountedVertx = null;
            mountedDeploymentId = null;
        }
        if (deploymentId == null) {
            return unmounted;
        }
        Vertx owner = vertx;
        String id = deploymentId;
        HttpApiVerticle stopping = verticle;
        vertx = null;
        verticle = null;
        deploymentId = null;
        Future<Void> undeployed = unmounted;
        return stopping.shutdown(grace).eventually(() -> owner.undeploy(id)).eventually(() -> undeployed);
    }
}
