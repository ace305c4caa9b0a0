package com.smartconnect.adapters.mqtt;

import static com.smartconnect.adapters.mqtt.EndpointFixture.SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.UPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.device.DeviceEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** The endpoint with TLS configured speaks TLS only. */
class DeviceEndpointTlsTest {

    @Test
    void aDeviceConnectsOverTlsAndPlainTcpIsNotAnswered() throws Exception {
        Vertx vertx = Vertx.vertx();
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        try (EndpointFixture fixture = new EndpointFixture(vertx, DeviceEndpointSettings.of("127.0.0.1", 0).withTls(
                new DeviceEndpointSettings.Tls(Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath()))))) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(UPS.value());
            options.setPassword(SECRET.toCharArray());
            options.setConnectionTimeout(5);
            options.setHttpsHostnameVerificationEnabled(false);
            options.setSocketFactory(trustingEveryCertificate().getSocketFactory());

            MqttClient device = new MqttClient("ssl://127.0.0.1:" + fixture.port, UPS.value(), new MemoryPersistence());
            device.connect(options);
            device.publish("ups/" + UPS + "/events", DeviceEndpointTest.utf8(DeviceEndpointTest.EVENT.formatted("tls")), 1, false);
            device.disconnect();
            device.close();
            assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId).containsExactly("tls");

            MqttClient plain = new MqttClient("tcp://127.0.0.1:" + fixture.port, UPS.value(), new MemoryPersistence());
            MqttConnectOptions plainOptions = new MqttConnectOptions();
            plainOptions.setUserName(UPS.value());
            plainOptions.setPassword(SECRET.toCharArray());
            plainOptions.setConnectionTimeout(3);
            assertThatThrownBy(() -> plain.connect(plainOptions)).isInstanceOf(MqttException.class);
            plain.close(true);
        } finally {
            certificate.delete();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The test's self-signed certificate is trusted as it is; a device would pin the server's CA. */
    private static SSLContext trustingEveryCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
