package com.smartconnect.bootstrap;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar smartconnect.jar}: runs a SmartConnect server configured by the environment until SIGTERM or
 * Ctrl-C, then shuts it down gracefully. {@code java -jar smartconnect.jar catalog import FILE} imports a device
 * catalog file into the configured database instead, and exits: 0 when imported, 1 when the file has errors (each
 * reported with its line, nothing imported), 2 when it cannot run (the command, the configuration, the database).
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        // No Guice AOP is used; without it Guice defines no classes through sun.misc.Unsafe (a warning on JDK 24+).
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        if (args.length == 3 && args[0].equals("catalog") && args[1].equals("import")) {
            System.exit(CatalogImportCommand.run(Path.of(args[2])));
            return;
        }
        if (args.length > 0) {
            LOG.log(Level.ERROR, "Unknown arguments. Usage: java -jar smartconnect.jar [catalog import FILE] "
                    + "(configured by SMARTCONNECT_* environment variables, see docs/configuration.md)");
            System.exit(2);
        }
        SmartConnect server;
        try {
            server = SmartConnect.builder().configuration(Configuration.fromEnvironment()).start();
        } catch (Configuration.InvalidConfiguration e) {
            LOG.log(Level.ERROR, "SmartConnect cannot start: {0}", e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "SmartConnect could not start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.log(Level.INFO, "Shutting down");
            server.close();
            stopped.countDown();
        }, "smartconnect-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
