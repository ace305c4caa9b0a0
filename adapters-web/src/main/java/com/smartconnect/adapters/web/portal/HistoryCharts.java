package com.smartconnect.adapters.web.portal;

/**
 * The history charts of the UPS Status page (the {@code device-history} partial): battery charge, load, runtime and
 * input voltage over the range the page shows. Not drawn yet: {@link #put} leaves the page as it is.
 */
final class HistoryCharts {

    private final Portal portal;

    HistoryCharts(Portal portal) {
        this.portal = portal;
    }

    /** Puts the values of the {@code device-history} partial on {@code page}: the device's history over {@code range}. */
    Page put(Page page, DeviceLookup.Found found, String range) {
        return page;
    }
}
