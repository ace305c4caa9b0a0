package com.smartconnect.adapters.mail;

import static com.smartconnect.adapters.mail.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlFileTransportTest {

    @TempDir
    Path directory;

    @Test
    void writesAParseableEmlFileNamedByTimeAndMailId() throws Exception {
        MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07.089Z");
        OutgoingMail mail = Mails.signUpCode("zoe@example.org", "Zoë", "654321");
        Path mails = directory.resolve("mails");

        new EmlFileTransport(mails, clock).send(new MailRenderer(Mails.SETTINGS).render(mail));

        List<Path> files;
        try (Stream<Path> listing = Files.list(mails)) {
            files = listing.toList();
        }
        assertThat(files).singleElement()
                .satisfies(file -> assertThat(file.getFileName()).hasToString("20250304T050607.089Z-" + mail.id() + ".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getSubject()).isEqualTo("Verify your account");
            assertThat(parsed.getMessageID()).isEqualTo("<" + mail.id() + "@portal.example.com>");
            assertThat(part(parsed, "text/plain")).contains("Hello Zoë,", "654321");
            assertThat(part(parsed, "text/html")).contains("654321");
        }
    }

    @Test
    void theEmbeddedConstructorWritesIntoAnExistingDirectory() throws Exception {
        new EmlFileTransport(directory).send(new MailRenderer(Mails.SETTINGS).render(Mails.existingAccount("a@example.org")));

        try (Stream<Path> listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).endsWith(".eml").doesNotStartWith("."));
        }
    }
}
