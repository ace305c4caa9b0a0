package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device pages' endpoints that a script or an upload calls, over plain HTTP without a browser: the scanner's frames
 * and the label photo are read only with a session and its form token, and the label's QR code URL keeps the codes
 * across a login.
 */
class PortalDevicePagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String LABEL = "https://portal.example.com/devices/register?productId=AS2104123456"
            + "&productKey=7KQ2M9X4B1C8DZ";

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theScannerAndThePhotoUploadReadNothingWithoutASessionAndItsToken() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            client.signUpAndVerify(server, "ada.lovelace@example.org");
            String session = "smartconnect_session=" + PortalClient.field(client.post(server, "/api/v1/sessions",
                    PortalClient.credentials("ada.lovelace@example.org", "Tr1angle!Sky")).body(), "token");
            String base = "http://127.0.0.1:" + server.httpPort().getAsInt();
            HttpResponse<String> addDevice = http.send(HttpRequest.newBuilder(URI.create(base + "/devices/add"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(addDevice.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(addDevice.body());
            assertThat(csrf.find()).isTrue();
            String token = csrf.group(1);
            byte[] label = qrPng(LABEL);

            assertThat(frame(base, label, null, null).statusCode()).as("no session").isEqualTo(401);
            assertThat(frame(base, label, session, null).statusCode()).as("no token").isEqualTo(403);
            assertThat(frame(base, label, session, token + "x").statusCode()).as("another token").isEqualTo(403);
            HttpResponse<String> read = frame(base, label, session, token);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(read.body()).getString("location"))
                    .isEqualTo("/devices/register?productId=AS2104123456&productKey=7KQ2M9X4B1C8DZ");
            assertThat(new JsonObject(frame(base, qrPng("https://example.org/menu"), session, token).body())
                    .getString("message")).contains("not the code of a SmartConnect UPS label");
            BufferedImage blank = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream nothing = new ByteArrayOutputStream();
            ImageIO.write(blank, "png", nothing);
            assertThat(new JsonObject(frame(base, nothing.toByteArray(), session, token).body()).getBoolean("found"))
                    .isFalse();

            HttpResponse<String> noSession = photo(base, label, null, token);
            assertThat(noSession.statusCode()).isEqualTo(303);
            assertThat(noSession.headers().firstValue("Location")).contains("/login?next=/devices/add");
            HttpResponse<String> noToken = photo(base, label, session, "");
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(noToken.body()).contains("This page has expired.");
            HttpResponse<String> uploaded = photo(base, label, session, token);
            assertThat(uploaded.statusCode()).isEqualTo(303);
            assertThat(uploaded.headers().firstValue("Location"))
                    .contains("/devices/register?productId=AS2104123456&productKey=7KQ2M9X4B1C8DZ");
        }
    }

    @Test
    void theLabelsUrlOpenedLoggedOutLeadsToTheLoginWhichKeepsIt() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            String base = "http://127.0.0.1:" + server.httpPort().getAsInt();
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/devices/register?productId=as21-0412-3456&productKey=7KQ2%20M9X4%20B1C8%20DZ")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(303);
            assertThat(opened.headers().firstValue("Location").orElseThrow()).startsWith("/login?next="
                    + "%2Fdevices%2Fregister%3FproductId%3DAS2104123456%26productKey%3D7KQ2M9X4B1C8DZ");
            String kept = opened.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("smartconnect_return=")).findFirst().orElseThrow();
            assertThat(kept).contains("HttpOnly", "Secure", "SameSite=Lax");
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", kept.substring(0, kept.indexOf(';'))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains(
                    "name=\"next\" value=\"/devices/register?productId&#x3D;AS2104123456&amp;productKey&#x3D;7KQ2M9X4B1C8DZ\"");
            HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", "smartconnect_return=%2F%2Fevil.example.org%2F").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.body()).as("a kept target leads only within the portal")
                    .contains("name=\"next\" value=\"/\"");
        }
    }

    private HttpResponse<String> frame(String base, byte[] image, String session, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/devices/scan"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(image));
        if (session != null) {
            request.header("Cookie", session);
        }
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> photo(String base, byte[] png, String session, String token) throws Exception {
        String boundary = "----label-photo";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"label.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/devices/photo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] qrPng(String text) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
