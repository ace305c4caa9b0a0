package com.smartconnect.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's secret key when none is configured: {@code secret.key} in the data folder, made on first start and
 * readable by its owner only. Authenticator secrets sealed under it open only with it, so it belongs in the backups
 * together with the database (and every instance of a cluster needs the same key, so clusters configure it).
 */
final class SecretKeyFile {

    private static final System.Logger LOG = System.getLogger(SecretKeyFile.class.getName());
    static final String FILE_NAME = "secret.key";

    private SecretKeyFile() {
    }

    /**
     * The configured key, else the key file's, made if missing. {@code givenDatabase} says whether the database is
     * the embedding application's, which other processes may share as well.
     */
    static byte[] resolve(Configuration configuration, boolean givenDatabase) {
        if (configuration.secretKey().isPresent()) {
            return Base64.getDecoder().decode(configuration.secretKey().get());
        }
        if (configuration.dbUrl().isPresent() || givenDatabase) {
            LOG.log(Level.WARNING, "SMARTCONNECT_SECRET_KEY is not set: using {0}. Instances that share a database "
                    + "must share this key: set SMARTCONNECT_SECRET_KEY on each of them.", keyFile(configuration));
        }
        return readOrCreate(keyFile(configuration));
    }

    private static Path keyFile(Configuration configuration) {
        return configuration.dataDir().toAbsolutePath().resolve(FILE_NAME);
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != AesGcmSecretSealer.KEY_BYTES) {
                throw new Configuration.InvalidConfiguration(file + " must hold the base64 of " + AesGcmSecretSealer.KEY_BYTES
                        + " bytes; it holds " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new Configuration.InvalidConfiguration(file + " is not base64: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[AesGcmSecretSealer.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // Atomic and never replacing: two servers starting at once on one folder end up with the same key.
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file);
            }
            LOG.log(Level.INFO, "made a new secret key in {0}: keep it with the database's backups", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.log(Level.DEBUG, "another process made {0} first", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
