package com.smartconnect.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * The embedded default: writes each mail as {@code <timestamp>-<mailId>.eml} into a directory, where any mail
 * client opens it. The file appears whole or not at all, so a watcher never reads half a mail.
 */
public final class EmlFileTransport implements MailTransport {

    private static final System.Logger LOG = System.getLogger(EmlFileTransport.class.getName());
    // Sorts by time in a directory listing, and has no ':' that some file systems refuse.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    public EmlFileTransport(Path directory) {
        this(directory, Clock.systemUTC());
    }

    EmlFileTransport(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Path target = directory.resolve(TIMESTAMP.format(clock.instant()) + "-" + mailId(message) + ".eml");
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // Same directory as the target, so the move is a rename on one file system.
            temp = Files.createTempFile(directory, ".", ".eml.part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                message.writeTo(out);
            }
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new MessagingException("Cannot write " + target, e);
        }
        LOG.log(Level.INFO, "Mail written to {0}", target.toAbsolutePath());
    }

    /** The local part of our {@code Message-ID}, which the renderer makes from the mail's id. */
    private static String mailId(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID();
        if (messageId == null) {
            return UUID.randomUUID().toString();
        }
        String bare = messageId.replaceAll("[<>]", "");
        int at = bare.indexOf('@');
        String local = at < 0 ? bare : bare.substring(0, at);
        // Message-IDs of foreign messages may hold characters a file name must not.
        String safe = local.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? UUID.randomUUID().toString() : safe;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot delete the partial mail file {0}", temp);
        }
    }
}
