package com.smartconnect.adapters.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.notification.NotificationSettingsService;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Email Notifications form words every refusal of the notification use case with the bundle's texts, and names
 * every severity and event type of the protocol in words.
 */
class NotificationFieldMessagesTest {

    private final Messages messages = Messages.english();

    @Test
    void everyCodeOfTheNotificationUseCaseHasItsText() {
        List<String> codes = List.of(NotificationSettingsService.RECIPIENT_REQUIRED,
                NotificationSettingsService.INVALID_SEVERITY, EventNotification.TOO_MANY_RECIPIENTS,
                EventNotification.NOTHING_SELECTED, EventNotification.INVALID_EVENT_TYPE, EmailAddress.REQUIRED,
                EmailAddress.INVALID);
        for (String code : codes) {
            assertThat(messages.fieldError(new FieldError("recipients", code, "English"))).as(code)
                    .isNotBlank().isNotEqualTo("English");
        }
        assertThat(messages.format("error." + EventNotification.TOO_MANY_RECIPIENTS, EventNotification.MAX_RECIPIENTS))
                .isEqualTo("A notification can have at most 10 recipients.");
    }

    @Test
    void everySeverityAndEventTypeIsNamedInWords() {
        for (Severity severity : Severity.values()) {
            assertThat(messages.find("notifications.severity." + severity.name())).as(severity.name()).isPresent();
        }
        for (DeviceEventType type : DeviceEventType.values()) {
            assertThat(messages.find("notifications.type." + type.name())).as(type.name()).isPresent();
        }
    }
}
