package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.adapters.persistence.TestDatabases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortInUseIsRefusedWithTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                var database = TestDatabases.freshH2()) {
            Configuration configuration = Configuration.from(Map.of(
                    "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                    "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                    "SMARTCONNECT_HTTP_PORT", "0",
                    "SMARTCONNECT_MQTT_PORT", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> SmartConnect.builder().configuration(configuration)
                    .dataSource(database.dataSource()).start())
                    .isInstanceOf(Configuration.InvalidConfiguration.class)
                    .hasMessageContaining("MQTT device endpoint cannot listen on port " + taken.getLocalPort())
                    .hasMessageContaining("SMARTCONNECT_MQTT_PORT");
        }
    }
}
