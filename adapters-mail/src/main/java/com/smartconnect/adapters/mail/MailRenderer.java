package com.smartconnect.adapters.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Turns an outbox mail into a MIME message: subject, plain-text and HTML bodies from the Mustache templates under
 * {@code mail/}, and a {@code Message-ID} derived from the mail's id, so that a resend after a crash carries the
 * same id and receivers can drop it.
 */
public final class MailRenderer {

    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final MailSettings settings;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());
    private final Map<MailTemplate, Templates> templates = new EnumMap<>(MailTemplate.class);

    private record Templates(Template subject, Template html, Template text) {}

    public MailRenderer(MailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = settings.fromAddress();
        // HTML escaping is jmustache's default; only the HTML body may have it, or a "<" in a name would reach the
        // plain-text part and the subject as "&lt;".
        // An empty value is false in a section, so that a template can leave out a line whose value is empty (the SKU
        // of a lifecycle reminder when the catalog names none).
        Mustache.Compiler html = Mustache.compiler().emptyStringIsFalse(true);
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
        // Compiled up front, so a missing or broken template stops the start-up instead of the first mail.
        for (MailTemplate template : MailTemplate.values()) {
            if (template.preparedAtDelivery()) {
                // A request for a mail: delivery turns it into a mail of another template before anything renders.
                continue;
            }
            String base = "mail/" + template.name().toLowerCase(Locale.ROOT).replace('_', '-');
            templates.put(template, new Templates(
                    compile(plain, base + ".subject.mustache"),
                    compile(html, base + ".html.mustache"),
                    compile(plain, base + ".txt.mustache")));
        }
    }

    /** The value of mails with an unsubscribe link that holds the link's token. */
    static final String UNSUBSCRIBE_TOKEN = "unsubscribeToken";
    /** The pages that unsubscribe, by mail: the token of the mail's {@link #UNSUBSCRIBE_TOKEN} value follows. */
    private static final Map<MailTemplate, String> UNSUBSCRIBE_PATHS = Map.of(
            MailTemplate.RESELLER_INVITATION, "/reseller/unsubscribe?token=",
            MailTemplate.EVENT_NOTIFICATION, "/notifications/unsubscribe?token=",
            MailTemplate.RESELLER_LIFECYCLE_REMINDER, "/reseller/unsubscribe?token=",
            MailTemplate.RESELLER_CUSTOMER_REMINDER, "/reseller/unsubscribe?token=");

    /**
     * Renders the mail. A missing template value throws {@link com.samskivert.mustache.MustacheException}: rendering
     * it again would fail the same way.
     */
    public MimeMessage render(OutgoingMail mail) {
        Templates template = templates.get(mail.template());
        if (template == null) {
            throw new IllegalArgumentException(mail.template() + " is a request for a mail, prepared before delivery");
        }
        Map<String, String> values = new HashMap<>(mail.values());
        values.put("publicUrl", settings.linkBase());
        // A subject is one header line: a value with a line break must not fold it or start a new header.
        String subject = template.subject().execute(values).strip().replaceAll("\\s+", " ");
        try {
            MimeMessage message = new StableIdMessage(session, messageId(mail.id()));
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to().value(), true));
            message.setSubject(subject, CHARSET);
            message.setContent(alternatives(template.text().execute(values), template.html().execute(values)));
            String unsubscribePath = UNSUBSCRIBE_PATHS.get(mail.template());
            if (unsubscribePath != null) {
                // RFC 2369 and RFC 8058: mail clients offer their own Unsubscribe button, which POSTs to this URL.
                message.setHeader("List-Unsubscribe",
                        "<" + settings.linkBase() + unsubscribePath + mail.values().get(UNSUBSCRIBE_TOKEN) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            // Until saved, the parts report no content type of their own; the caller gets a finished message.
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot build mail " + mail.id() + " (" + mail.template() + ")", e);
        }
    }

    String messageId(MailId id) {
        return "<" + id + "@" + settings.publicUrl().getHost() + ">";
    }

    private static MimeMultipart alternatives(String text, String html) throws MessagingException {
        // RFC 2046: alternatives go from the plainest to the richest; clients show the last one they understand.
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, CHARSET, "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, CHARSET, "html");
        MimeMultipart multipart = new MimeMultipart("alternative");
        multipart.addBodyPart(textPart);
        multipart.addBodyPart(htmlPart);
        return multipart;
    }

    private static Template compile(Mustache.Compiler compiler, String resource) {
        InputStream in = MailRenderer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Mail template missing from the class path: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + resource, e);
        }
    }

    /** Jakarta Mail replaces the {@code Message-ID} on every save; ours must survive so a resend keeps it. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) throws MessagingException {
            super(session);
            this.messageId = messageId;
            setHeader("Message-ID", messageId);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
