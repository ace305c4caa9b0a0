package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.Blocking;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.adapters.web.LabelPhotoUpload;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The portal: the pages a person uses with only a browser (log in, sign up, verify, reset a password, and the pages
 * behind the login), server-rendered HTML whose forms work without JavaScript. A driving adapter beside the REST
 * API, calling the same inbound ports. {@link #mount} adds its routes to the API's router, after the root handlers
 * that read bodies and put security headers on every answer.
 */
public final class PortalRoutes {

    /** The portal's page paths: form posts to them are not JSON, and their failures are answered as pages. */
    public static final Set<String> PATHS = Stream.of(Stream.of("/", "/login", "/login/code",
            "/login/code/resend", "/logout", "/signup", "/signup/company", "/register", "/privacy", "/verify",
            "/verify/resend", "/welcome", "/forgot-password"), AccountPages.PATHS.stream(), Stream.of("/devices/add",
            "/devices/scan", "/devices/photo", "/devices/register", "/devices/profile", "/devices/sensitivity",
            "/devices/finish", "/devices/reseller-offer", "/devices/status")).flatMap(paths -> paths)
            .collect(Collectors.toUnmodifiableSet());

    private final Portal portal;
    private final LinkPages linkPages;

    /**
     * {@code settings} empty: the portal is off; the pages of mail links still answer, in its frame without its
     * navigation.
     */
    public PortalRoutes(HttpApi.UseCases useCases, Blocking blocking, Clock clock, Optional<PortalSettings> settings) {
        this(useCases, Optional.empty(), blocking, clock, settings);
    }

    /** With the device pages: My devices, Add Device, Register UPS and the steps after it. */
    public PortalRoutes(HttpApi.UseCases useCases, Optional<HttpApi.DeviceUseCases> deviceUseCases, Blocking blocking,
            Clock clock, Optional<PortalSettings> settings) {
        this.portal = new Portal(useCases, deviceUseCases, blocking, clock, settings);
        this.linkPages = new LinkPages(portal);
    }

    /** What the pages of mail links share, and the pages that refuse a request under a page's path. */
    public LinkPages linkPages() {
        return linkPages;
    }

    public PasswordResetPages passwordResetPages() {
        return new PasswordResetPages(linkPages);
    }

    public ResellerPages resellerPages() {
        return new ResellerPages(linkPages);
    }

    public NotificationPages notificationPages(Optional<HttpApi.NotificationUseCases> useCases) {
        return new NotificationPages(linkPages, useCases);
    }

    /** Adds every page of the portal to {@code router} when the portal is on; its uploads behind no other handler. */
    public void mount(Router router) {
        mount(router, List.of());
    }

    /**
     * Adds every page of the portal to {@code router} when the portal is on. The upload of a label photo reads its
     * body itself (the root body handler does not keep files), so its route comes before the root handlers, behind
     * {@code uploadGuards} (the answers' security headers, the request gate) in their place.
     */
    public void mount(Router router, List<Handler<RoutingContext>> uploadGuards) {
        if (!portal.on()) {
            return;
        }
        HomePages home = new HomePages(portal);
        LogInPages logIn = new LogInPages(portal);
        SignUpPages signUp = new SignUpPages(portal);
        VerifyPages verify = new VerifyPages(portal);
        PasswordPages passwords = new PasswordPages(portal);
        DevicePages devices = new DevicePages(portal);
        AddDevicePages addDevice = new AddDevicePages(portal);
        RegisterUpsPages register = new RegisterUpsPages(portal);
        DeviceSetupPages setup = new DeviceSetupPages(portal);
        Set<String> routed = new HashSet<>();
        page(router, routed, HttpMethod.GET, "/", devices::home);
        page(router, routed, HttpMethod.GET, "/privacy", home::privacy);
        page(router, routed, HttpMethod.GET, "/welcome", home::welcome);
        page(router, routed, HttpMethod.GET, "/login", logIn::show);
        page(router, routed, HttpMethod.POST, "/login", logIn::submit);
        page(router, routed, HttpMethod.POST, "/login/code", logIn::submitCode);
        page(router, routed, HttpMethod.POST, "/login/code/resend", logIn::resendCode);
        page(router, routed, HttpMethod.POST, "/logout", logIn::logOut);
        page(router, routed, HttpMethod.GET, "/signup", signUp::show);
        page(router, routed, HttpMethod.GET, "/register", signUp::showInvitation);
        page(router, routed, HttpMethod.POST, "/signup", signUp::submitPerson);
        page(router, routed, HttpMethod.POST, "/signup/company", signUp::submitCompany);
        page(router, routed, HttpMethod.GET, "/verify", verify::show);
        page(router, routed, HttpMethod.POST, "/verify", verify::submit);
        page(router, routed, HttpMethod.POST, "/verify/resend", verify::resend);
        page(router, routed, HttpMethod.GET, "/forgot-password", passwords::show);
        page(router, routed, HttpMethod.POST, "/forgot-password", passwords::submit);
        new AccountPages(portal).mount((method, path, handler) -> page(router, routed, method, path, handler));
        page(router, routed, HttpMethod.GET, "/devices/add", addDevice::show);
        page(router, routed, HttpMethod.POST, "/devices/scan", addDevice::scan);
        page(router, routed, HttpMethod.GET, "/devices/register", register::show);
        page(router, routed, HttpMethod.POST, "/devices/register", register::submit);
        page(router, routed, HttpMethod.GET, "/devices/profile", setup::showProfile);
        page(router, routed, HttpMethod.POST, "/devices/profile", setup::saveProfile);
        page(router, routed, HttpMethod.GET, "/devices/sensitivity", setup::showSensitivity);
        page(router, routed, HttpMethod.POST, "/devices/sensitivity", setup::saveSensitivity);
        page(router, routed, HttpMethod.GET, "/devices/finish", setup::finish);
        page(router, routed, HttpMethod.GET, "/devices/status", new StatusPages(portal)::show);
        page(router, routed, HttpMethod.GET, "/devices/reseller-offer", setup::showResellerOffer);
        page(router, routed, HttpMethod.POST, "/devices/reseller-offer", setup::submitResellerOffer);
        routed.add("/devices/photo");
        Route photo = router.route(HttpMethod.POST, "/devices/photo").order(-1);
        uploadGuards.forEach(photo::handler);
        photo.handler(LabelPhotoUpload::holdBody).handler(portal::visit).handler(addDevice::photo)
                .failureHandler(portal::failed);
        if (!routed.equals(PATHS)) {
            throw new IllegalStateException("PortalRoutes.PATHS differs from the routed pages: " + routed);
        }
    }

    /** The portal's static files ({@code /assets/...}): its stylesheet, which the pages of mail links use too. */
    public static void mountAssets(Router router) {
        router.get(Assets.PREFIX + "*").handler(new Assets());
    }

    private void page(Router router, Set<String> routed, HttpMethod method, String path,
            Handler<RoutingContext> handler) {
        routed.add(path);
        router.route(method, path).handler(portal::visit).handler(handler).failureHandler(portal::failed);
    }
}
