package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Another user's {@code GET /api/v1/me} while 40 label photos that take the QR reader seconds each are uploaded at
 * once, over a real socket: from one account, and spread over twenty. Its latency is compared with its latency
 * without uploads, measured in the same test on the same machine. Both sides are measured as a client of the server
 * would see them: requests sent at a steady pace whatever the answers do, from platform threads, so that the test's
 * own threads never wait for the server's virtual threads' carriers.
 */
class LabelPhotoLatencyTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String LABEL_PHOTO = "/api/v1/devices/label-photo";
    private static final int UPLOADS = 40;
    private static final int SAMPLES = 30;
    private static final Duration PACE = Duration.ofMillis(100);
    /** What a request the fixture's client gave up on (after 20 s) counts as. */
    private static final long GAVE_UP_MILLIS = 20_000;

    @Test
    void anotherUserKeepsTheirLatencyWhileOneAccountUploadsFortyPhotos() throws Exception {
        try (WebApiFixture web = start()) {
            String bob = account(web, "bob@example.com", "Bob");
            String ada = account(web, "ada@example.com", "Ada");
            long decodeMillis = oneDecodeMillis(web, ada);
            Latencies baseline = latenciesOfMe(web, bob);

            ExecutorService uploads = Executors.newFixedThreadPool(UPLOADS);
            try {
                List<Future<Answer>> answers = new ArrayList<>();
                byte[] photo = hardPhoto();
                for (int i = 0; i < UPLOADS; i++) {
                    answers.add(uploads.submit(() -> web.postPhoto(LABEL_PHOTO, photo, "image/jpeg",
                            "Authorization", "Bearer " + ada)));
                }
                Latencies loaded = latenciesOfMe(web, bob);

                report("one account uploads", decodeMillis, baseline, loaded);
                assertKeptTheirLatency(decodeMillis, baseline, loaded);
                for (Future<Answer> answer : answers) {
                    Answer done = answer.get(5, TimeUnit.MINUTES);
                    assertThat(done.code()).isIn("LABEL_PHOTO_UNREADABLE", "LABEL_PHOTO_DECODES_BUSY");
                }
            } finally {
                uploads.shutdownNow();
            }
        }
    }

    @Test
    void anotherUserKeepsTheirLatencyWhileTwentyAccountsUploadFortyPhotos() throws Exception {
        try (WebApiFixture web = start()) {
            String bob = account(web, "bob@example.com", "Bob");
            List<String> uploaders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                uploaders.add(account(web, "uploader" + i + "@example.com", "Uploader"));
            }
            long decodeMillis = oneDecodeMillis(web, uploaders.getFirst());
            Latencies baseline = latenciesOfMe(web, bob);

            ExecutorService uploads = Executors.newFixedThreadPool(UPLOADS);
            try {
                byte[] photo = hardPhoto();
                for (int i = 0; i < UPLOADS; i++) {
                    String token = uploaders.get(i % uploaders.size());
                    uploads.submit(() -> web.postPhoto(LABEL_PHOTO, photo, "image/jpeg",
                            "Authorization", "Bearer " + token));
                }
                Latencies loaded = latenciesOfMe(web, bob);

                report("twenty accounts upload", decodeMillis, baseline, loaded);
                assertKeptTheirLatency(decodeMillis, baseline, loaded);
                // The photos still waiting to be read are dropped as the API stops: their answers do not matter here.
            } finally {
                uploads.shutdownNow();
            }
        }
    }

    /** One decoding thread, as on a machine of two processors, whatever this machine has. */
    private static WebApiFixture start() throws Exception {
        return WebApiFixture.startWithLimits(new WebSettings.Limits(Duration.ofSeconds(60), 10_000, 1, 2));
    }

    /**
     * Half of the user's requests answer within five times their median without uploads, or a quarter of the time one
     * photo takes to read, and nine in ten within ten times their 90th percentile without uploads, or the time of
     * two photos: none waits for the photos of others to be read. The bounds in photos keep the test about the photos and
     * not about how busy this machine is (the decoding thread takes one of its processors from the requests); a
     * request that waits for its turn behind the photos, as on the virtual threads' carriers, waits for many.
     */
    private static void assertKeptTheirLatency(long decodeMillis, Latencies baseline, Latencies loaded) {
        assertThat(loaded.failed()).as("requests of the other user that failed").isZero();
        assertThat(loaded.percentile(50)).as("median latency with uploads, against %s without", baseline)
                .isLessThanOrEqualTo(Math.max(5 * baseline.percentile(50), decodeMillis / 4));
        assertThat(loaded.percentile(90)).as("90th percentile with uploads, against %s without", baseline)
                .isLessThanOrEqualTo(Math.max(10 * baseline.percentile(90), 2 * decodeMillis));
    }

    private static void report(String who, long decodeMillis, Latencies baseline, Latencies loaded) {
        System.getLogger(LabelPhotoLatencyTest.class.getName()).log(System.Logger.Level.INFO,
                "GET /api/v1/me while {0} {1} photos (one read in {2} ms): without uploads {3}, with {4}",
                who, UPLOADS, decodeMillis, baseline, loaded);
    }

    private static String account(WebApiFixture web, String email, String firstName) {
        web.verifiedAccount(email, firstName);
        return web.logIn(email, PASSWORD).json().getString("token");
    }

    /** How long one upload of {@link #hardPhoto} takes alone, the reader warmed up by a first one. */
    private static long oneDecodeMillis(WebApiFixture web, String token) throws IOException {
        byte[] photo = hardPhoto();
        long took = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            Answer answer = web.postPhoto(LABEL_PHOTO, photo, "image/jpeg", "Authorization", "Bearer " + token);
            took = Math.min(took, (System.nanoTime() - start) / 1_000_000);
            assertThat(answer.code()).isEqualTo("LABEL_PHOTO_UNREADABLE");
        }
        return took;
    }

    /**
     * {@link #SAMPLES} requests of {@code GET /api/v1/me}, one sent every {@link #PACE} whether the ones before have
     * been answered or not, each timed from its sending to its answer.
     */
    private static Latencies latenciesOfMe(WebApiFixture web, String token) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SAMPLES);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                sent.add(senders.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        Answer me = web.as(token, "GET", "/api/v1/me", null);
                        long took = (System.nanoTime() - start) / 1_000_000;
                        return me.status() == 200 ? took : -1L;
                    } catch (IllegalStateException gaveUp) {
                        return GAVE_UP_MILLIS;
                    }
                }));
                Thread.sleep(PACE);
            }
            long[] millis = new long[SAMPLES];
            int failed = 0;
            for (int i = 0; i < SAMPLES; i++) {
                millis[i] = sent.get(i).get(1, TimeUnit.MINUTES);
                if (millis[i] < 0) {
                    failed++;
                    millis[i] = GAVE_UP_MILLIS;
                }
            }
            Arrays.sort(millis);
            return new Latencies(millis, failed);
        } finally {
            senders.shutdownNow();
        }
    }

    /** Latencies in milliseconds, sorted; {@code failed} of them were not answered 200. */
    private record Latencies(long[] millis, int failed) {

        long percentile(int percent) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(percent / 100.0 * millis.length) - 1)];
        }

        @Override
        public String toString() {
            return "p50 " + percentile(50) + " ms, p90 " + percentile(90) + " ms, max " + millis[millis.length - 1]
                    + " ms";
        }
    }

    /**
     * A 4000x3000 photo without a QR code, but with hundreds of the code's finder patterns (the squares in its
     * corners), of module sizes between 3 and 6 pixels: trying hard, the reader weighs them against each other for
     * seconds before it gives up. Mostly white, it is a small file (about half a megabyte).
     */
    static byte[] hardPhoto() throws IOException {
        return finderPatternPhoto(4000, 3000, 1200);
    }

    /**
     * A {@code width}x{@code height} JPEG without a QR code, its top left {@code patterned} pixels square tiled with
     * finder patterns of module sizes between 3 and 6 pixels; tiled edge to edge ({@code patterned} as large as the
     * photo), it is the worst a photo of that size can ask of the reader.
     */
    static byte[] finderPatternPhoto(int width, int height, int patterned) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        int right = Math.min(width, patterned);
        int bottom = Math.min(height, patterned);
        for (int y = 2; y < bottom; ) {
            int rowHeight = 0;
            for (int x = 2; ; ) {
                int module = 3 + random.nextInt(4);
                if (x + 7 * module >= right || y + 7 * module >= bottom) {
                    break;
                }
                finderPattern(g, x, y, module);
                x += 8 * module + random.nextInt(3);
                rowHeight = Math.max(rowHeight, 8 * module);
            }
            if (rowHeight == 0) {
                break;
            }
            y += rowHeight;
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    /** Dark 7x7 modules, a light 5x5 ring inside, a dark 3x3 center: 1:1:3:1:1 across every line through it. */
    private static void finderPattern(Graphics2D g, int x, int y, int module) {
        g.setColor(Color.BLACK);
        g.fillRect(x, y, 7 * module, 7 * module);
        g.setColor(Color.WHITE);
        g.fillRect(x + module, y + module, 5 * module, 5 * module);
        g.setColor(Color.BLACK);
        g.fillRect(x + 2 * module, y + 2 * module, 3 * module, 3 * module);
    }
}
