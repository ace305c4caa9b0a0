package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP and MQTT shares of the open-file limit. */
class ConnectionBudgetTest {

    @Test
    void unsetSharesGiveHttpAQuarterOfWhatTheReserveLeavesAndTheDevicesTheRest() {
        ServerLimits limits = Configuration.defaults(java.nio.file.Path.of("data")).limits();

        ConnectionBudget budget = ConnectionBudget.of(limits, 10, 20_000);

        assertThat(budget.reserved()).isEqualTo(ConnectionBudget.RESERVED_FILES + 10);
        assertThat(budget.http()).isEqualTo((20_000 - 266) / 4);
        assertThat(budget.mqtt()).isEqualTo(20_000 - 266 - budget.http());
        assertThat((long) budget.http() + budget.mqtt() + budget.reserved()).isLessThanOrEqualTo(20_000);
    }

    @Test
    void aConfiguredHttpShareLeavesTheRestToTheDevices() {
        ServerLimits limits = Configuration.from(Map.of("SMARTCONNECT_HTTP_MAX_CONNECTIONS", "200")).limits();

        ConnectionBudget budget = ConnectionBudget.of(limits, 10, 1_024);

        assertThat(budget.http()).isEqualTo(200);
        assertThat(budget.mqtt()).isEqualTo(1_024 - 266 - 200);
    }

    @Test
    void sharesThatDoNotFitTheLimitStopTheStartNamingBothSettings() {
        ServerLimits limits = Configuration.from(Map.of("SMARTCONNECT_HTTP_MAX_CONNECTIONS", "5000",
                "SMARTCONNECT_MQTT_MAX_CONNECTIONS", "5000")).limits();

        assertThatThrownBy(() -> ConnectionBudget.of(limits, 10, 8_192))
                .isInstanceOf(Configuration.InvalidConfiguration.class)
                .hasMessageContaining("SMARTCONNECT_HTTP_MAX_CONNECTIONS").hasMessageContaining("8192");
    }
}
