package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Register UPS: the Product ID and Product Key, pre-filled when the page is opened from the URL of the label's QR
 * code (or the portal's scanner led here). A visitor who is not logged in logs in, or signs up, first and comes back
 * with the codes kept. Each refusal of the registration is shown above the form with what to do, the codes kept so
 * that the person can try again.
 */
final class RegisterUpsPages {

    private final Portal portal;

    RegisterUpsPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /devices/register[?productId=...&productKey=...]}: the label's QR code URL lands here. */
    void show(RoutingContext ctx) {
        String productId = Optional.ofNullable(ctx.queryParams().get("productId")).orElse("");
        String productKey = Optional.ofNullable(ctx.queryParams().get("productKey")).orElse("");
        if (!Portal.visitOf(ctx).loggedIn()) {
            String back = productId.isBlank() && productKey.isBlank() ? "/devices/register"
                    : new LabelCodes(productId, productKey).registerPath();
            portal.rememberTarget(ctx, back);
            Portal.redirect(ctx, "/login?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)
                    + "&notice=registerDevice");
            return;
        }
        if (portal.deviceUseCases.isEmpty()) {
            ctx.next();
            return;
        }
        portal.forgetTarget(ctx);
        portal.send(ctx, form(productId, productKey));
    }

    /** {@code POST /devices/register}: Register UPS. */
    void submit(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            Portal.redirect(ctx, "/login?next=/devices/add");
            return;
        }
        if (portal.deviceUseCases.isEmpty()) {
            ctx.next();
            return;
        }
        AuthenticatedUser user = visit.user().orElseThrow();
        String productId = form.get("productId");
        String productKey = form.get("productKey");
        RegisterDeviceResult result = portal.blocking.run(() -> portal.deviceUseCases.get().register().register(
                new RegisterDeviceCommand(user, new RegisterDeviceCommand.Codes(productId, productKey))));
        switch (result) {
            case RegisterDeviceResult.Registered registered -> Portal.redirect(ctx, "/devices/profile?productId="
                    + registered.device().productId().value() + "&setup=1"
                    + (registered.offerReseller() ? "&reseller=1" : ""));
            case RegisterDeviceResult.Invalid invalid -> {
                Page page = form(productId, productKey).status(400);
                for (FieldError error : invalid.errors()) {
                    page.error(Portal.fieldName(error), portal.message(error));
                }
                portal.send(ctx, page);
            }
            case RegisterDeviceResult.NotRecognised ignored ->
                    portal.send(ctx, refused(productId, productKey, 422, "notRecognised"));
            case RegisterDeviceResult.Throttled throttled -> portal.send(ctx, refused(productId, productKey, 429,
                    "throttled", Math.max(1, (LogInPages.seconds(throttled.retryAfter()) + 59) / 60)));
            case RegisterDeviceResult.NeverConnected ignored ->
                    portal.send(ctx, refused(productId, productKey, 409, "neverConnected"));
            case RegisterDeviceResult.SmartConnectNotEnabled ignored ->
                    portal.send(ctx, refused(productId, productKey, 409, "notEnabled"));
            case RegisterDeviceResult.RegisteredToAnotherAccount ignored ->
                    portal.send(ctx, refused(productId, productKey, 409, "anotherAccount"));
        }
    }

    /**
     * The form with a refusal above it: {@code register.refused.<reason>.heading} and its paragraphs
     * {@code .text1}, {@code .text2}... from the bundle, the first with {@code arguments} filled in.
     */
    private Page refused(String productId, String productKey, int status, String reason, Object... arguments) {
        String prefix = "register.refused." + reason;
        List<String> paragraphs = new java.util.ArrayList<>();
        paragraphs.add(portal.messages.format(prefix + ".text1", arguments));
        for (int n = 2; portal.messages.find(prefix + ".text" + n).isPresent(); n++) {
            paragraphs.add(portal.messages.get(prefix + ".text" + n));
        }
        return form(productId, productKey).status(status)
                .value("refused", true)
                .value("refusal", reason)
                .value("refusalHeading", portal.messages.get(prefix + ".heading"))
                .value("refusalParagraphs", paragraphs);
    }

    private Page form(String productId, String productKey) {
        return Page.of("register-ups", "register.title").field("productId", productId).field("productKey", productKey);
    }
}
