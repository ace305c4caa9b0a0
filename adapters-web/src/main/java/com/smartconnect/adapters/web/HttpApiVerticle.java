package com.smartconnect.adapters.web;

import com.smartconnect.adapters.web.portal.NotificationPages;
import com.smartconnect.adapters.web.portal.PasswordResetPages;
import com.smartconnect.adapters.web.portal.PortalRoutes;
import com.smartconnect.adapters.web.portal.PortalSettings;
import com.smartconnect.adapters.web.portal.ResellerPages;
import com.smartconnect.application.common.port.out.ReadinessProbe;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server and its router, built from the OpenAPI contract. Deployed on virtual threads, so handlers may
 * wait for blocking use cases with {@code await()}.
 */
final class HttpApiVerticle extends VerticleBase {

    private final WebSettings settings;
    private final HttpApi.UseCases useCases;
    private final Optional<HttpApi.DeviceUseCases> deviceUseCases;
    private final Optional<HttpApi.NotificationUseCases> notificationUseCases;
    private final Optional<PortalSettings> portal;
    private final List<ReadinessProbe> probes;
    private final Clock clock;
    private volatile HttpServer server;
    /** Whether the API listens on a server of its own, or is a router another application mounts. */
    private final boolean listens;
    private volatile Router mountable;
    private final ConnectionCap connections;
    private final LabelPhotoDecoder decoder;

    HttpApiVerticle(WebSettings settings, HttpApi.UseCases useCases, Optional<HttpApi.DeviceUseCases> deviceUseCases,
            Optional<HttpApi.NotificationUseCases> notificationUseCases, Optional<PortalSettings> portal,
            List<ReadinessProbe> probes, Clock clock, boolean listens) {
        this.listens = listens;
        this.portal = portal;
        this.settings = settings;
        this.useCases = useCases;
        this.deviceUseCases = deviceUseCases;
        this.notificationUseCases = notificationUseCases;
        this.probes = List.copyOf(probes);
        this.clock = clock;
        this.connections = new ConnectionCap(settings.limits().maxConnections());
        this.decoder = new LabelPhotoDecoder(settings.limits().labelPhotoDecodes(),
                settings.limits().labelPhotoDecodesPerAccount());
    }

    @Override
    public Future<?> start() {
        OpenApiDocument document = OpenApiDocument.load();
        Blocking blocking = new Blocking(vertx);
        PortalRoutes portalRoutes = new PortalRoutes(useCases, deviceUseCases, notificationUseCases, blocking, clock,
                portal);
        ErrorAnswers errors = new ErrorAnswers(pagePaths(document), new ProblemFailureHandler(),
                portalRoutes.linkPages());
        return OpenAPIContract.from(vertx, document.forRequestValidation())
                .compose(contract -> {
                    Router api = router(contract, document, errors, blocking, portalRoutes);
                    if (!listens) {
                        mountable = mountable(api);
                        return Future.succeededFuture();
                    }
                    WebSettings.Limits limits = settings.limits();
                    // Without h2c every connection is an HTTP/1.1 one from its first byte, so the connection handler
                    // counts it at once, also one that never sends anything.
                    HttpServerOptions options = new HttpServerOptions()
                            .setHost(settings.host())
                            .setPort(settings.port())
                            .setHttp2ClearTextEnabled(false)
                            .setIdleTimeout((int) limits.idleTimeout().toMillis())
                            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
                    settings.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(tls.certificateChain().toString()).setKeyPath(tls.privateKey().toString())));
                    return vertx.createHttpServer(options)
                            .connectionHandler(connections::opened)
                            .requestHandler(api)
                            .invalidRequestHandler(errors::refuseUnreadable)
                            .listen()
                            .onSuccess(listening -> server = listening);
                });
    }

    /**
     * The API as a router another application mounts under its own ({@code route("/ups/*").subRouter(...)}). Its
     * requests arrive on the host's server, usually on an event loop, where the handlers may not wait for a blocking
     * use case: each request is paused there and handed whole to this verticle's virtual-thread context, which routes
     * it through the API and resumes it when the body handler listens.
     */
    private Router mountable(Router api) {
        Context apiContext = context;
        Router entry = Router.router(vertx);
        // A failure inside the API comes back to the router it was mounted by (this one): handled by the API's own
        // failure handlers, as on its own server.
        entry.route().handler(ctx -> {
            ctx.request().pause();
            apiContext.runOnContext(ignored -> api.handleContext(ctx));
        }).failureHandler(ctx -> apiContext.runOnContext(ignored -> api.handleFailure(ctx)));
        return entry;
    }

    /**
     * {@code handler}, run on this verticle's virtual threads. On the API's own server every handler already runs
     * there; a host's server calls the mounted router on its own threads (an event loop, usually), and every step of
     * the router that completes asynchronously (the body, the contract validation) comes back on them: a handler that
     * waits for a use case is handed over to a virtual thread each time.
     */
    private Handler<RoutingContext> onVirtualThread(Handler<RoutingContext> handler) {
        if (listens) {
            return handler;
        }
        Context apiContext = context;
        return ctx -> {
            if (Thread.currentThread().isVirtual()) {
                handler.handle(ctx);
            } else {
                apiContext.runOnContext(ignored -> handler.handle(ctx));
            }
        };
    }

    @Override
    public Future<?> stop() throws Exception {
        decoder.close();
        return super.stop();
    }

    /** The mountable router, once started without a server of its own. */
    Router mountable() {
        return mountable;
    }

    int actualPort() {
        return server.actualPort();
    }

    /** Stops accepting connections and lets requests in flight finish, for at most {@code grace}. */
    Future<Void> shutdown(Duration grace) {
        HttpServer current = server;
        return current == null ? Future.succeededFuture() : current.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The paths answered in HTML: the link pages of the contract, and the portal's when it is on. */
    private Set<String> pagePaths(OpenApiDocument document) {
        Set<String> paths = new HashSet<>(document.pagePaths());
        if (portal.isPresent()) {
            paths.addAll(PortalRoutes.PATHS);
        }
        return paths;
    }

    /** A page's handler, and the one that answers its failures with a page of the same look. */
    private record PageHandlers(Handler<RoutingContext> handler, Handler<RoutingContext> failure) {
    }

    /** An upload's body reader, which puts the body in the routing context, and its handler. */
    private record UploadHandlers(Handler<RoutingContext> reader, Handler<RoutingContext> handler) {
    }

    private Router router(OpenAPIContract contract, OpenApiDocument document, ErrorAnswers errors, Blocking blocking,
            PortalRoutes portalRoutes) {
        RegistrationRoutes registrations = new RegistrationRoutes(useCases, blocking);
        SessionRoutes sessions = new SessionRoutes(useCases, blocking, clock);
        PasswordRoutes passwords = new PasswordRoutes(useCases, blocking);
        EmailChangeRoutes emailChanges = new EmailChangeRoutes(useCases, blocking);
        TwoFactorRoutes twoFactor = new TwoFactorRoutes(useCases, blocking);
        CoworkerInvitationRoutes invitations = new CoworkerInvitationRoutes(useCases, blocking);
        ResellerRoutes resellers = new ResellerRoutes(useCases, blocking);
        DeviceRoutes devices = new DeviceRoutes(deviceUseCases, blocking, decoder);
        NotificationRoutes notifications = new NotificationRoutes(notificationUseCases, blocking);
        NotificationPages notificationPages = portalRoutes.notificationPages(notificationUseCases);
        LifecycleRoutes lifecycle = new LifecycleRoutes(deviceUseCases, blocking);
        PasswordResetPages resetPages = portalRoutes.passwordResetPages();
        ResellerPages resellerPages = portalRoutes.resellerPages();
        PlanIntegrationRoutes planIntegration = new PlanIntegrationRoutes(useCases, blocking);
        CatalogIntegrationRoutes catalog = new CatalogIntegrationRoutes(deviceUseCases, blocking);
        SessionAuthentication authentication = new SessionAuthentication(useCases.authenticate(), blocking);
        IntegrationAuthentication integrationAuthentication = new IntegrationAuthentication(settings.integrationKeys());
        Set<String> secured = document.securedOperations();
        Set<String> integrationOperations = document.integrationOperations();
        RequestValidator validator = RequestValidator.create(vertx, contract);
        OperationsRoutes operations = new OperationsRoutes(vertx, probes, blocking, document.yaml());
        ProblemFailureHandler problems = new ProblemFailureHandler();
        RequestGate gate = new RequestGate();

        RouterBuilder builder = RouterBuilder.create(vertx, contract, new MountedRequests())
                .rootHandler(new SecurityHeaders())
                .rootHandler(gate)
                // Nothing asynchronous may run before BodyHandler: body chunks that arrive before it listens are lost.
                .rootHandler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .rootHandler(new JsonBodyGate(pagePaths(document)));
        Map<String, Handler<RoutingContext>> handlers = Map.ofEntries(
                Map.entry("signUp", registrations::signUp),
                Map.entry("verifyRegistration", registrations::verify),
                Map.entry("resendCode", registrations::resend),
                Map.entry("getRegistration", registrations::status),
                Map.entry("logIn", sessions::logIn),
                Map.entry("completeLogIn", sessions::completeLogIn),
                Map.entry("sendLogInCode", sessions::sendLogInCode),
                Map.entry("logOut", sessions::logOut),
                Map.entry("getMe", sessions::me),
                Map.entry("updateMe", sessions::updateMe),
                Map.entry("deleteMe", sessions::deleteMe),
                Map.entry("requestPasswordReset", passwords::requestReset),
                Map.entry("changePassword", passwords::change),
                Map.entry("requestEmailChange", emailChanges::request),
                Map.entry("confirmEmailChange", emailChanges::confirm),
                Map.entry("getTwoFactor", twoFactor::status),
                Map.entry("disableTwoFactor", twoFactor::disable),
                Map.entry("startTwoFactorEnrolment", twoFactor::startEnrolment),
                Map.entry("getTwoFactorQrCode", twoFactor::qrCode),
                Map.entry("confirmTwoFactorEnrolment", twoFactor::confirmEnrolment),
                Map.entry("sendTwoFactorCode", twoFactor::sendConfirmationCode),
                Map.entry("inviteCoworker", invitations::invite),
                Map.entry("listCoworkerInvitations", invitations::list),
                Map.entry("cancelCoworkerInvitation", invitations::cancel),
                Map.entry("lookUpCoworkerInvitation", invitations::lookUp),
                Map.entry("getReseller", resellers::get),
                Map.entry("inviteReseller", resellers::invite),
                Map.entry("cancelResellerInvitation", resellers::cancelInvitation),
                Map.entry("disconnectReseller", resellers::disconnect),
                Map.entry("updateResellerSettings", resellers::updateSettings),
                Map.entry("getDevicePlan", planIntegration::get),
                Map.entry("changeDevicePlan", planIntegration::change),
                Map.entry("registerDevice", devices::register),
                Map.entry("listDevices", devices::list),
                Map.entry("getDevice", devices::get),
                Map.entry("updateDevice", devices::update),
                Map.entry("unregisterDevice", devices::unregister),
                Map.entry("setDeviceSensitivity", devices::setSensitivity),
                Map.entry("getDeviceEvents", devices::events),
                Map.entry("getDeviceHistory", devices::history),
                Map.entry("exportDeviceEvents", devices::exportEvents),
                Map.entry("getDeviceCommand", devices::command),
                Map.entry("rebootOutletGroup", devices::reboot),
                Map.entry("getNotificationSettings", notifications::settings),
                Map.entry("createNotification", notifications::create),
                Map.entry("updateNotification", notifications::update),
                Map.entry("deleteNotification", notifications::delete),
                Map.entry("enableNotifications", notifications::enable),
                Map.entry("getDeviceLifecycle", lifecycle::events),
                Map.entry("sendLifecycleReminder", lifecycle::remind),
                Map.entry("getOpenApiDocument", operations::openApi),
                Map.entry("getHealth", operations::ready),
                Map.entry("getLiveness", operations::live),
                Map.entry("getReadiness", operations::ready),
                Map.entry("getMetrics", operations::metrics));
        for (OpenAPIRoute route : builder.getRoutes()) {
            String operationId = route.getOperation().getOperationId();
            Handler<RoutingContext> handler = handlers.get(operationId);
            if (handler == null) {
                throw new IllegalStateException("the contract has an operation without a handler: " + operationId);
            }
            // The session or the key is checked before the contract validation: without a valid one, every request
            // gets the same refusal, whatever it carries.
            route.setDoValidation(false);
            if (secured.contains(operationId)) {
                route.addHandler(onVirtualThread(authentication));
            }
            if (integrationOperations.contains(operationId)) {
                route.addHandler(integrationAuthentication);
            }
            route.addHandler(new ContractValidation(validator, route.getOperation()));
            route.addHandler(onVirtualThread(handler));
            if (operationId.equals("inviteCoworker") || operationId.equals("inviteReseller")) {
                route.addFailureHandler(invitations::refusedByContract);
            }
            route.addFailureHandler(problems);
        }
        Router router = builder.createRouter();
        // Pages answer a browser in HTML, failures included; the contract documents them but does not validate them.
        Map<String, PageHandlers> pages = Map.ofEntries(
                Map.entry("getPasswordResetPage", new PageHandlers(resetPages::show, resetPages::failed)),
                Map.entry("submitPasswordResetPage", new PageHandlers(resetPages::submit, resetPages::failed)),
                Map.entry("getResellerAcceptPage", new PageHandlers(resellerPages::showInvitation, resellerPages::failed)),
                Map.entry("submitResellerAcceptPage", new PageHandlers(resellerPages::accept, resellerPages::failed)),
                Map.entry("getResellerUnsubscribePage",
                        new PageHandlers(resellerPages::showUnsubscribe, resellerPages::failed)),
                Map.entry("submitResellerUnsubscribePage",
                        new PageHandlers(resellerPages::unsubscribe, resellerPages::failed)),
                Map.entry("getNotificationUnsubscribePage",
                        new PageHandlers(notificationPages::showUnsubscribe, notificationPages::failed)),
                Map.entry("submitNotificationUnsubscribePage",
                        new PageHandlers(notificationPages::unsubscribe, notificationPages::failed)),
                Map.entry("getNotificationEnablePage",
                        new PageHandlers(notificationPages::showEnable, notificationPages::failed)),
                Map.entry("submitNotificationEnablePage",
                        new PageHandlers(notificationPages::enable, notificationPages::failed)));
        Set<String> documentedPages = new HashSet<>();
        for (OpenApiDocument.PageOperation page : document.pageOperations()) {
            documentedPages.add(page.operationId());
            PageHandlers pageHandlers = pages.get(page.operationId());
            if (pageHandlers == null) {
                throw new IllegalStateException("the contract has a page without a handler: " + page.operationId());
            }
            router.route(page.method(), page.path()).handler(onVirtualThread(portalRoutes.linkPages()::visit))
                    .handler(onVirtualThread(pageHandlers.handler()))
                    .failureHandler(pageHandlers.failure());
        }
        if (!documentedPages.containsAll(pages.keySet())) {
            throw new IllegalStateException("a page is missing from the contract: " + pages.keySet());
        }
        // Uploads read their body themselves (the root BodyHandler does not keep a multipart body), so their route
        // comes before the root handlers. The body is held back until the session is checked: nobody without one
        // gets a body read.
        // An integration upload is authenticated by its integration key instead of a session.
        Map<String, UploadHandlers> uploads = Map.of(
                "registerDeviceByLabelPhoto", new UploadHandlers(new LabelPhotoUpload(), devices::registerByLabelPhoto),
                "importCatalog", new UploadHandlers(CatalogIntegrationRoutes.bodyReader(), catalog::importCatalog));
        for (OpenApiDocument.PageOperation upload : document.uploadOperations()) {
            UploadHandlers uploadHandlers = uploads.get(upload.operationId());
            if (uploadHandlers == null) {
                throw new IllegalStateException("the contract has an upload without a handler: " + upload.operationId());
            }
            router.route(upload.method(), upload.path()).order(-1)
                    .handler(new SecurityHeaders())
                    .handler(gate)
                    .handler(LabelPhotoUpload::holdBody)
                    .handler(integrationOperations.contains(upload.operationId())
                            ? integrationAuthentication : onVirtualThread(authentication))
                    .handler(uploadHandlers.reader())
                    .handler(onVirtualThread(uploadHandlers.handler()))
                    .failureHandler(problems);
        }
        // The stylesheet and script the link pages share with the portal, whether or not the portal is on.
        PortalRoutes.mountAssets(router);
        portalRoutes.mount(router, List.of(new SecurityHeaders(), gate));
        // Routes without an operation (unknown paths, wrong methods) and failures outside one land here.
        router.route().failureHandler(errors::answer);
        for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
            router.errorHandler(status, errors::answer);
        }
        return router;
    }
}
