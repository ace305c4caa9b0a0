package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.domain.device.DeviceStatus;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * My devices, what {@code /} shows once logged in: each UPS a person may see (their own and their co-workers', the
 * latter read-only) with its name, model, whether it is online, its latest status flags in words, battery charge,
 * load and plan. A UPS that needs attention comes first; a filter and pages of {@link #PAGE_SIZE} keep a fleet of
 * hundreds readable.
 */
final class DevicePages {

    static final int PAGE_SIZE = 20;

    private final Portal portal;
    private final StatusWords words;

    DevicePages(Portal portal) {
        this.portal = portal;
        this.words = new StatusWords(portal.messages);
    }

    /** {@code GET /[?q=text&page=n&notice=...]}: a logged-in person's devices; everyone else goes to the login page. */
    void home(RoutingContext ctx) {
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            Portal.redirect(ctx, "/login");
            return;
        }
        AuthenticatedUser user = visit.user().orElseThrow();
        Optional<Profile> profile = portal.blocking.run(() -> portal.useCases.profile().profileOf(user.accountId()));
        if (profile.isEmpty()) {
            // A live session of an account that is gone: nobody to show, so the person logs in again.
            portal.endSession(ctx);
            Portal.redirect(ctx, "/login");
            return;
        }
        Page page = Page.of("devices", "devices.title")
                .value("greeting", portal.messages.format("devices.greeting", profile.get().name().first()));
        if (portal.deviceUseCases.isEmpty()) {
            portal.send(ctx, page.value("empty", true));
            return;
        }
        List<RegisteredDeviceView> all = portal.blocking.run(
                () -> portal.deviceUseCases.get().devices().devices(user));
        String query = Optional.ofNullable(ctx.queryParams().get("q")).map(String::strip).orElse("");
        LocalDate today = LocalDate.now(portal.clock);
        List<RegisteredDeviceView> shown = all.stream()
                .filter(device -> matches(device, query))
                .sorted(Comparator.comparingInt((RegisteredDeviceView device) -> rank(device, today))
                        .thenComparing(device -> device.name().orElse("").toLowerCase(Locale.ROOT))
                        .thenComparing(device -> device.productId().value()))
                .toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(pages, Math.max(1, parse(ctx.queryParams().get("page"))));
        List<Map<String, Object>> cards = shown.subList((number - 1) * PAGE_SIZE,
                Math.min(shown.size(), number * PAGE_SIZE)).stream().map(device -> card(device, today)).toList();
        long attention = all.stream().filter(device -> rank(device, today) == 0).count();
        page.field("q", query)
                .value("devices", cards)
                .value("empty", all.isEmpty())
                .value("noMatch", !all.isEmpty() && shown.isEmpty())
                .value("filtered", !query.isEmpty())
                .value("summary", portal.messages.format("devices.summary", all.size(), attention))
                .value("showing", portal.messages.format("devices.showing",
                        shown.isEmpty() ? 0 : (number - 1) * PAGE_SIZE + 1,
                        Math.min(shown.size(), number * PAGE_SIZE), shown.size()))
                .value("paged", pages > 1)
                .value("pageOf", portal.messages.format("devices.pageOf", number, pages));
        if (number > 1) {
            page.value("previousHref", pageHref(query, number - 1));
        }
        if (number < pages) {
            page.value("nextHref", pageHref(query, number + 1));
        }
        String notice = ctx.queryParams().get("notice");
        if (notice != null && Set.of("added", "saved").contains(notice)) {
            page.notice(portal.messages.get("devices.notice." + notice));
        }
        portal.send(ctx, page);
    }

    /** 0: needs attention now (an alarm flag, a battery past its date); 1: not connected; 2: all well. */
    static int rank(RegisteredDeviceView device, LocalDate today) {
        List<String> flags = device.latestStatus().map(DeviceStatus::flags).orElse(List.of());
        if (StatusWords.alarming(flags) || !device.batteryReplaceBy().isAfter(today)
                || !device.smartConnectEnabled()) {
            return 0;
        }
        return device.online() ? 2 : 1;
    }

    private Map<String, Object> card(RegisteredDeviceView device, LocalDate today) {
        Map<String, Object> card = new LinkedHashMap<>();
        String id = device.productId().value();
        card.put("productId", id);
        card.put("name", device.name().orElse(portal.messages.format("devices.unnamed", device.model())));
        card.put("model", device.model());
        card.put("description", device.description().orElse(""));
        card.put("hasDescription", device.description().filter(text -> !text.isBlank()).isPresent());
        card.put("online", device.online());
        card.put("connection", words.connection(device));
        Optional<DeviceStatus> status = device.latestStatus();
        card.put("flags", words.flags(status.map(DeviceStatus::flags).orElse(List.of())));
        card.put("noStatus", status.isEmpty());
        card.put("charge", words.charge(status));
        card.put("load", words.load(status));
        card.put("plan", device.plan().flatMap(plan -> portal.messages.find("plan." + plan))
                .or(device::plan).orElse(portal.messages.get("devices.unknown")));
        List<String> reasons = new ArrayList<>();
        if (!device.batteryReplaceBy().isAfter(today)) {
            reasons.add(portal.messages.get("devices.attention.battery"));
        }
        if (!device.smartConnectEnabled()) {
            reasons.add(portal.messages.get("devices.attention.smartConnect"));
        }
        int rank = rank(device, today);
        card.put("attention", rank == 0);
        card.put("offline", rank == 1);
        card.put("reasons", reasons);
        card.put("owner", device.access() == DeviceAccess.OWNER);
        card.put("statusHref", "/devices/status?productId=" + id);
        card.put("profileHref", "/devices/profile?productId=" + id);
        card.put("sensitivityHref", "/devices/sensitivity?productId=" + id);
        card.put("eventsHref", EventLogPages.PATH + "?productId=" + id);
        return card;
    }

    private static boolean matches(RegisteredDeviceView device, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String wanted = query.toLowerCase(Locale.ROOT);
        return List.of(device.productId().value(), device.model(), device.name().orElse(""),
                        device.description().orElse(""), device.serialNumber()).stream()
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static String pageHref(String query, int page) {
        return "/?" + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&")
                + "page=" + page;
    }

    private static int parse(String number) {
        try {
            return number == null ? 1 : Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
