package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class DeliveryFailureTest {

    @Test
    void serverAwayOrSlowIsTransient() {
        SocketConnectException refused = new SocketConnectException("refused", new ConnectException(), "relay", 25, 10_000);
        assertThat(DeliveryFailure.of(new MailConnectException(refused)).permanent()).isFalse();
        assertThat(DeliveryFailure.of(new MessagingException("refused", new ConnectException())).permanent()).isFalse();
        assertThat(DeliveryFailure.of(new MessagingException("slow", new SocketTimeoutException())).permanent()).isFalse();
    }

    @Test
    void replyCodeDecides() {
        assertThat(DeliveryFailure.of(send(554)).permanent()).isTrue();
        assertThat(DeliveryFailure.of(send(452)).permanent()).isFalse();
        assertThat(DeliveryFailure.of(new MessagingException("wrapped", send(552)))).satisfies(failure -> {
            assertThat(failure.permanent()).isTrue();
            assertThat(failure.reason()).isEqualTo("MessagingException (SMTP 552)");
        });
    }

    @Test
    void anInvalidAddressIsPermanent() {
        assertThat(DeliveryFailure.of(new AddressException("bad address")).permanent()).isTrue();
    }

    @Test
    void aRefusedSenderIsOurSetUpsFaultAndWaitsForTheFix() {
        var relayDenied = new SMTPSenderFailedException(
                new jakarta.mail.internet.InternetAddress(), "MAIL FROM", 550, "5.7.1 relay denied");
        assertThat(DeliveryFailure.of(relayDenied).permanent()).isFalse();
        assertThat(DeliveryFailure.of(new MessagingException("wrapped", relayDenied)).permanent()).isFalse();
    }

    @Test
    void theCausesAreOneLineWithoutTheLocalPartOfAddresses() {
        MessagingException failure = new MessagingException("could not send",
                new MessagingException("550 5.1.1 <ada.lovelace@example.org>:\r\n  mailbox unavailable"));

        assertThat(DeliveryFailure.of(failure).causes())
                .isEqualTo("MessagingException: could not send; caused by MessagingException: 550 5.1.1"
                        + " <…@example.org>: mailbox unavailable");
    }

    private static SMTPSendFailedException send(int code) {
        return new SMTPSendFailedException("DATA", code, code + " refused", null, null, null, null);
    }
}
