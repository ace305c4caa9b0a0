package com.smartconnect.bootstrap;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much the server holds at once: how long an idle HTTP connection stays open, how many HTTP and MQTT connections
 * it keeps (empty: sized from the process's open-file limit at start, {@link ConnectionBudget}), and how many label
 * photos it decodes at once, in all (empty: half the processors) and per account.
 */
public record ServerLimits(Duration httpIdleTimeout, OptionalInt httpMaxConnections, OptionalInt mqttMaxConnections,
        OptionalInt labelPhotoDecodes, int labelPhotoDecodesPerAccount) {

    public ServerLimits {
        Objects.requireNonNull(httpIdleTimeout, "httpIdleTimeout");
        Objects.requireNonNull(httpMaxConnections, "httpMaxConnections");
        Objects.requireNonNull(mqttMaxConnections, "mqttMaxConnections");
        Objects.requireNonNull(labelPhotoDecodes, "labelPhotoDecodes");
    }

    /** The label photos decoded at once: the configured number, else half the processors, at least one. */
    public int effectiveLabelPhotoDecodes() {
        return labelPhotoDecodes.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    static ServerLimits read(ConfigurationValues s) {
        return new ServerLimits(Duration.ofSeconds(s.number(Configuration.Key.SMARTCONNECT_HTTP_IDLE_TIMEOUT_SECONDS, 1, 3600)),
                s.optionalNumber(Configuration.Key.SMARTCONNECT_HTTP_MAX_CONNECTIONS, 1, 1_000_000),
                s.optionalNumber(Configuration.Key.SMARTCONNECT_MQTT_MAX_CONNECTIONS, 1, 1_000_000),
                s.optionalNumber(Configuration.Key.SMARTCONNECT_LABEL_PHOTO_DECODES, 1, 256),
                s.number(Configuration.Key.SMARTCONNECT_LABEL_PHOTO_DECODES_PER_ACCOUNT, 1, 64));
    }
}
