package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static com.smartconnect.bootstrap.PortalClient.signUpBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.fake.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints that answer the same whether an address has an account must also take the same time, or the time
 * tells what the answer hides. Each test sends interleaved pairs of requests over a real socket to the full server
 * (H2, Argon2id at a small cost, the mail outbox delivering to GreenMail), one for an address with an account and one
 * for an address
 * without, in a random order within each pair; it drops the first pairs (warm-up: JIT, caches, connections) and
 * compares the two samples of times with a rank test, whose |z| must stay under {@value #LIMIT}. A busy machine
 * slows both kinds alike; a failing run is measured once more before the test fails.
 *
 * <p>{@code -Dsmartconnect.timing.pairs=N} changes the number of measured pairs (100).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameAnswerTimingTest {

    private static final int PAIRS = Integer.getInteger("smartconnect.timing.pairs", 100);
    private static final int WARM_UP = 20;
    private static final double LIMIT = 3.5;
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String KNOWN = "ada.lovelace@example.org";
    private static final String OTHER_KNOWN = "grace.hopper@example.org";

    @TempDir
    static Path dataDir;

    private final MutableClock clock = MutableClock.startingAt("2026-11-23T09:00:00Z");
    private final Random order = new Random(7);
    private final AtomicInteger unknown = new AtomicInteger();
    private GreenMail smtp;
    private PortalClient client;
    private SmartConnect server;

    /** One timed kind of request of a pair; answers the response, whose status both kinds must share. */
    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    @BeforeAll
    void startServerWithTwoAccounts() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
        // Argon2id at 1 MiB and one pass: the hashes still run where they run in production, and a hash that one kind
        // of request skipped would still show, but they no longer drown the rest of the request in their noise.
        server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).clock(clock)
                .passwordHasher(new Argon2PasswordHasher(1024, 1)).start();
        client.signUpAndVerify(server, KNOWN);
        client.signUpAndVerify(server, OTHER_KNOWN);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        smtp.stop();
    }

    /** Every test starts an hour and more after the last: the per-hour limits of one test do not reach the next. */
    @BeforeEach
    void letTheLimitsOfTheLastTestPass() {
        clock.advance(Duration.ofHours(2));
    }

    private String unknownAddress() {
        return "nobody" + unknown.incrementAndGet() + "@example.org";
    }

    @Test
    void aPasswordResetTakesTheSameTimeWithAndWithoutAnAccount() throws Exception {
        assertSameTime("password reset", 202,
                () -> client.post(server, "/api/v1/password-resets", resetBody(KNOWN)),
                () -> client.post(server, "/api/v1/password-resets", resetBody(unknownAddress())),
                // The three mails an hour an account may get would otherwise end the known path early.
                () -> clock.advance(Duration.ofMinutes(21)));
    }

    @Test
    void aSignUpTakesTheSameTimeWithAndWithoutAnAccount() throws Exception {
        assertSameTime("sign-up", 202,
                () -> client.post(server, "/api/v1/registrations", signUpBody(KNOWN)),
                () -> client.post(server, "/api/v1/registrations", signUpBody(unknownAddress())),
                // An address may sign up three times an hour.
                () -> clock.advance(Duration.ofMinutes(21)));
    }

    @Test
    void aCodeResentTakesTheSameTimeWithAndWithoutAnAccount() throws Exception {
        List<String> known = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        Step signUpBoth = () -> {
            known.add(registrationOf(KNOWN));
            fresh.add(registrationOf(unknownAddress()));
            clock.advance(Duration.ofMinutes(1));
        };
        signUpBoth.run();
        assertSameTime("code resend", 202,
                () -> client.post(server, "/api/v1/registrations/" + known.getLast() + "/code", "{}"),
                () -> client.post(server, "/api/v1/registrations/" + fresh.getLast() + "/code", "{}"),
                () -> {
                    clock.advance(Duration.ofMinutes(20));
                    signUpBoth.run();
                });
    }

    @Test
    void aFailedLogInTakesTheSameTimeWithAndWithoutAnAccount() throws Exception {
        assertSameTime("log-in", 401,
                () -> client.post(server, "/api/v1/sessions", credentials(KNOWN, "Wr0ng!pass")),
                () -> client.post(server, "/api/v1/sessions", credentials(unknownAddress(), "Wr0ng!pass")),
                // Five failures within 15 minutes make an address wait.
                () -> clock.advance(Duration.ofMinutes(16)));
    }

    @Test
    void anEmailChangeTakesTheSameTimeForATakenAndAFreeAddress() throws Exception {
        HttpResponse<String> login = client.post(server, "/api/v1/sessions", credentials(KNOWN, PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        String bearer = "Bearer " + field(login.body(), "token");
        assertSameTime("e-mail change", 202,
                () -> client.post(server, "/api/v1/me/email", emailChangeBody(OTHER_KNOWN), "Authorization", bearer),
                () -> client.post(server, "/api/v1/me/email", emailChangeBody(unknownAddress()), "Authorization", bearer),
                () -> { });
    }

    private String registrationOf(String email) throws Exception {
        HttpResponse<String> signUp = client.post(server, "/api/v1/registrations", signUpBody(email));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        return field(signUp.body(), "registrationId");
    }

    private static String resetBody(String email) {
        return "{\"email\": \"" + email + "\", \"captchaToken\": \"any\"}";
    }

    private static String emailChangeBody(String newEmail) {
        return "{\"password\": \"" + PASSWORD + "\", \"newEmail\": \"" + newEmail + "\"}";
    }

    private void assertSameTime(String endpoint, int status, Request known, Request unknown, Step betweenPairs)
            throws Exception {
        double z = measure(status, known, unknown, betweenPairs);
        System.out.printf("same-answer timing: %s z = %.2f over %d + %d requests%n", endpoint, z, PAIRS, PAIRS);
        if (Math.abs(z) >= LIMIT) {
            z = measure(status, known, unknown, betweenPairs);
            System.out.printf("same-answer timing: %s z = %.2f, measured again%n", endpoint, z);
        }
        assertThat(Math.abs(z)).as("|z| of %s, known against unknown address (positive: known slower)", endpoint)
                .isLessThan(LIMIT);
    }

    /** The z of the times of the known address's requests against the unknown address's, warm-up dropped. */
    private double measure(int status, Request known, Request unknown, Step betweenPairs) throws Exception {
        long[] knownTimes = new long[PAIRS];
        long[] unknownTimes = new long[PAIRS];
        for (int pair = -WARM_UP; pair < PAIRS; pair++) {
            long[] times = new long[2];
            boolean knownFirst = order.nextBoolean();
            for (int turn = 0; turn < 2; turn++) {
                int which = knownFirst ? turn : 1 - turn;
                Request request = which == 0 ? known : unknown;
                long start = System.nanoTime();
                HttpResponse<String> response = request.send();
                times[which] = System.nanoTime() - start;
                assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            }
            if (pair >= 0) {
                knownTimes[pair] = times[0];
                unknownTimes[pair] = times[1];
            }
            betweenPairs.run();
        }
        return RankTest.z(knownTimes, unknownTimes);
    }
}
