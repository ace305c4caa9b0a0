package com.smartconnect.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link BenchmarkServer} in a child JVM: its log goes to a file, its answers come back over its pipes. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    final int port;

    ServerProcess(String java, String heap, Path log, String... args) throws IOException, InterruptedException {
        this(java, heap, log, Map.of(), args);
    }

    /** With {@code environment} added to the child's (SmartConnect's settings, such as its status history days). */
    ServerProcess(String java, String heap, Path log, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), BenchmarkServer.class.getName()));
        String extra = System.getProperty("smartconnect.benchmark.server.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ") || line.startsWith("HEAP ") || line.startsWith("NOTIFICATIONS ")
                            || line.startsWith("MAILS ")) {
                        answers.add(line);
                    }
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String ready = answers.poll(5, TimeUnit.MINUTES);
        if (ready == null) {
            process.destroy();
            throw new IllegalStateException("the server did not start; see " + log);
        }
        port = Integer.parseInt(ready.substring("READY ".length()));
    }

    /** The CPU time the server process used so far (all its threads), as the operating system counts it. */
    java.time.Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Used heap of the server after full collections, in bytes. */
    long usedHeap() throws InterruptedException {
        commands.println("heap");
        String answer = answers.poll(2, TimeUnit.MINUTES);
        if (answer == null) {
            throw new IllegalStateException("the server did not answer");
        }
        return Long.parseLong(answer.substring("HEAP ".length()));
    }

    /**
     * Event Notifications on or off for every device (registered for them the first time), every throttle fresh;
     * SmartConnect servers only.
     */
    void notifications(boolean on) throws InterruptedException {
        ask("notifications " + (on ? "on" : "off"), "NOTIFICATIONS ");
    }

    /** The notification mails and alerts in the outbox, and the devices disabled; SmartConnect servers only. */
    NotificationSetup.Counts mails() throws InterruptedException {
        return NotificationSetup.Counts.parse(ask("mails", "MAILS "));
    }

    private String ask(String command, String prefix) throws InterruptedException {
        commands.println(command);
        String answer = answers.poll(5, TimeUnit.MINUTES);
        if (answer == null || !answer.startsWith(prefix)) {
            throw new IllegalStateException("the server did not answer " + command + ": " + answer);
        }
        return answer.substring(prefix.length());
    }

    /** Asks the server to quit, and kills it when it does not within a minute or the wait is interrupted. */
    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
