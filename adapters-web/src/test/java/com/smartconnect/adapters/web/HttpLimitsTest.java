package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the API holds at once, over real sockets: connections past the cap are closed as they arrive, idle ones after
 * the idle timeout, and label photos are decoded off the threads that serve everybody else, a few per account.
 */
class HttpLimitsTest {

    private static final int CAP = 200;
    private static final int IDLE_SOCKETS = 1_000;
    private static final String PASSWORD = "Tr1angle!Sky";

    @Test
    void connectionsPastTheCapAreClosedAtOnceAndIdleOnesAfterTheIdleTimeout() throws Exception {
        try (WebApiFixture web = WebApiFixture.startWithLimits(
                new WebSettings.Limits(Duration.ofSeconds(2), CAP, 1, 2))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < IDLE_SOCKETS; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", web.port), 5_000);
                    idle.add(socket);
                }
                long closedAtOnce = idle.stream().filter(socket -> closedWithin(socket, 200)).count();
                assertThat(closedAtOnce).as("closed past the cap of %d", CAP)
                        .isGreaterThanOrEqualTo(IDLE_SOCKETS - CAP);

                // The idle connections go after the idle timeout, and the API answers again.
                assertThat(eventually(() -> web.get("/health/live").status() == 200, Duration.ofSeconds(10))).isTrue();
                long open = idle.stream().filter(socket -> !closedWithin(socket, 3_000)).count();
                assertThat(open).as("idle connections still open after the idle timeout").isZero();
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void anAccountWithTwoPhotosBeingReadGetsNoMoreUntilOneIsDone() throws Exception {
        try (WebApiFixture web = WebApiFixture.startWithLimits(
                new WebSettings.Limits(Duration.ofSeconds(60), CAP, 1, 2))) {
            web.verifiedAccount("ada@example.com", "Ada");
            String ada = web.logIn("ada@example.com", PASSWORD).json().getString("token");
            byte[] photo = slowPhoto();
            ExecutorService uploads = Executors.newVirtualThreadPerTaskExecutor();
            try {
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(uploads.submit(() -> web.postPhoto("/api/v1/devices/label-photo", photo, "image/jpeg",
                            "Authorization", "Bearer " + ada)));
                }
                List<Answer> busy = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    Answer done = answer.get();
                    if (done.status() == 429) {
                        busy.add(done);
                    } else {
                        assertThat(done.code()).isEqualTo("LABEL_PHOTO_UNREADABLE");
                    }
                }
                assertThat(busy).isNotEmpty().hasSizeLessThanOrEqualTo(4);
                assertThat(busy.getFirst().code()).isEqualTo("LABEL_PHOTO_DECODES_BUSY");
                assertThat(busy.getFirst().header("Retry-After")).isEqualTo("5");

                // Once they are read, the account may send again.
                assertThat(web.postPhoto("/api/v1/devices/label-photo", photo, "image/jpeg", "Authorization",
                        "Bearer " + ada).code()).isEqualTo("LABEL_PHOTO_UNREADABLE");
            } finally {
                uploads.shutdownNow();
            }
        }
    }

    /** A photo of noise without a code: the reader tries hard, for a long time, and finds nothing. */
    static byte[] slowPhoto() throws IOException {
        int width = 2400;
        int height = 1800;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(2) == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private static boolean closedWithin(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // The connection was closed at the cap: try again.
            }
            Thread.sleep(100);
        }
        return false;
    }
}
