package com.smartconnect.application.lifecycle.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.DueEvent;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository.Position;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stages a due event's latest sent stage stands for: itself and every earlier one. */
class DueEventTest {

    private static final ProductId UPS = new ProductId("AS2104123456");

    private static DueEvent sent(Optional<ReminderStage> latest) {
        return new DueEvent(UUID.randomUUID(), new AccountId(UUID.randomUUID()), new EmailAddress("sales@reseller.example"),
                Instant.parse("2026-01-01T00:00:00Z"), UPS, LifecycleKind.BATTERY, LocalDate.of(2026, 12, 1),
                "SMT1500RMI2UC", "APCRBC133", ResolvingSkus.NONE, latest, new Position(Instant.parse("2026-12-01T00:00:00Z"), UPS));
    }

    @Test
    void nothingSentYetIsNoStage() {
        assertThat(sent(Optional.empty()).stagesSent()).isEmpty();
    }

    @Test
    void theLatestStageSentCoversTheEarlierOnes() {
        assertThat(sent(Optional.of(ReminderStage.DAYS_90)).stagesSent()).containsExactlyInAnyOrder(ReminderStage.DAYS_90);
        assertThat(sent(Optional.of(ReminderStage.DAYS_7)).stagesSent())
                .containsExactlyInAnyOrder(ReminderStage.DAYS_90, ReminderStage.DAYS_30, ReminderStage.DAYS_7);
        assertThat(sent(Optional.of(ReminderStage.DAY_OF)).stagesSent()).containsExactlyInAnyOrderElementsOf(
                ReminderStage.ALL);
    }
}
