package com.smartconnect.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The reseller's reminders simulated day by day, as the daily job runs them: two instances each day (the record of
 * what was sent, like the database's primary key, lets one of them through), over random due dates, connection days,
 * resolutions and days the server was off.
 */
class ReminderScheduleProperties {

    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);
    /** The new due date of a resolved event: a new battery lasts years. */
    private static final int RESOLVED_DUE_IN_DAYS = 3 * 365;

    record Mail(LocalDate day, LocalDate dueOn, ReminderStage stage) {
    }

    /** Runs the job from 200 days before the due date to 30 days after it; -1 means "never" for resolution. */
    private static List<Mail> simulate(int dueInDays, int connectedOnDay, int resolvedOnDay, int downFrom, int downDays) {
        LocalDate due = EPOCH.plusDays(dueInDays);
        LocalDate connectedOn = EPOCH.plusDays(connectedOnDay);
        Set<String> recorded = new HashSet<>();
        List<Mail> mails = new ArrayList<>();
        for (int day = 0; day <= dueInDays + 30; day++) {
            LocalDate today = EPOCH.plusDays(day);
            if (day >= downFrom && day < downFrom + downDays) {
                continue;
            }
            if (today.isBefore(connectedOn)) {
                continue;
            }
            LocalDate currentDue = resolvedOnDay >= 0 && day >= resolvedOnDay
                    ? EPOCH.plusDays(resolvedOnDay + RESOLVED_DUE_IN_DAYS) : due;
            for (int instance = 0; instance < 2; instance++) {
                Set<ReminderStage> sent = EnumSet.noneOf(ReminderStage.class);
                for (ReminderStage stage : ReminderStage.ALL) {
                    if (recorded.contains(currentDue + "/" + stage)) {
                        sent.add(stage);
                    }
                }
                Optional<ReminderStage> stage = ReminderSchedule.dueNow(currentDue, today, connectedOn, sent);
                if (stage.isPresent() && recorded.add(currentDue + "/" + stage.get())) {
                    mails.add(new Mail(today, currentDue, stage.get()));
                }
            }
        }
        return mails;
    }

    @Property
    void atMostFourMailsNoneTwiceAndOnlyOnTheirDays(@ForAll @IntRange(min = 0, max = 400) int dueInDays,
            @ForAll @IntRange(min = 0, max = 430) int connectedOnDay) {
        List<Mail> mails = simulate(dueInDays, connectedOnDay, -1, 0, 0);

        assertThat(mails).hasSizeLessThanOrEqualTo(4);
        assertThat(mails.stream().map(Mail::stage).distinct()).hasSameSizeAs(mails);
        for (Mail mail : mails) {
            assertThat(mail.day()).isEqualTo(mail.stage().dayFor(mail.dueOn()));
            assertThat(mail.day()).isAfterOrEqualTo(EPOCH.plusDays(connectedOnDay));
        }
    }

    @Property
    void aResellerConnectedBeforeTheFirstStageGetsAllFourInOrder(@ForAll @IntRange(min = 90, max = 400) int dueInDays,
            @ForAll @IntRange(min = 0, max = 90) int connectedDaysBeforeFirstStage) {
        int connectedOnDay = Math.max(0, dueInDays - 90 - connectedDaysBeforeFirstStage);
        List<Mail> mails = simulate(dueInDays, connectedOnDay, -1, 0, 0);

        assertThat(mails).extracting(Mail::stage).containsExactlyElementsOf(ReminderStage.ALL);
    }

    @Property
    void aLateResellerGetsTheStagesStillToComeOnTheirDays(@ForAll @IntRange(min = 90, max = 400) int dueInDays,
            @ForAll @IntRange(min = 0, max = 90) int connectedDaysBeforeDue) {
        LocalDate due = EPOCH.plusDays(dueInDays);
        LocalDate connectedOn = due.minusDays(connectedDaysBeforeDue);
        List<Mail> mails = simulate(dueInDays, dueInDays - connectedDaysBeforeDue, -1, 0, 0);

        List<ReminderStage> expected = ReminderStage.ALL.stream()
                .filter(stage -> !stage.dayFor(due).isBefore(connectedOn)).toList();
        assertThat(mails).extracting(Mail::stage).containsExactlyElementsOf(expected);
    }

    @Property
    void noMailAboutAnIssueOnceItIsResolved(@ForAll @IntRange(min = 0, max = 400) int dueInDays,
            @ForAll @IntRange(min = 0, max = 430) int connectedOnDay,
            @ForAll @IntRange(min = 0, max = 430) int resolvedOnDay) {
        List<Mail> mails = simulate(dueInDays, connectedOnDay, resolvedOnDay, 0, 0);
        LocalDate due = EPOCH.plusDays(dueInDays);

        assertThat(mails).hasSizeLessThanOrEqualTo(4);
        assertThat(mails).filteredOn(mail -> mail.dueOn().equals(due))
                .allSatisfy(mail -> assertThat(mail.day()).isBefore(EPOCH.plusDays(resolvedOnDay)));
        // The new due date is years away: nothing about it within the simulated days.
        assertThat(mails).allSatisfy(mail -> assertThat(mail.dueOn()).isEqualTo(due));
    }

    @Property
    void aServerThatWasOffSendsTheMissedStageOnceAndNeverABurst(@ForAll @IntRange(min = 0, max = 400) int dueInDays,
            @ForAll @IntRange(min = 0, max = 430) int connectedOnDay,
            @ForAll @IntRange(min = 0, max = 430) int downFrom, @ForAll @IntRange(min = 1, max = 120) int downDays) {
        List<Mail> mails = simulate(dueInDays, connectedOnDay, -1, downFrom, downDays);
        LocalDate due = EPOCH.plusDays(dueInDays);

        assertThat(mails).hasSizeLessThanOrEqualTo(4);
        assertThat(mails.stream().map(Mail::stage).distinct()).hasSameSizeAs(mails);
        assertThat(mails.stream().map(Mail::day).distinct()).hasSameSizeAs(mails);
        for (Mail mail : mails) {
            // Sent from its own day until the next stage's day (the due date's day for the last), never later.
            assertThat(mail.day()).isAfterOrEqualTo(mail.stage().dayFor(due));
            assertThat(ReminderSchedule.current(due, mail.day())).contains(mail.stage());
            LocalDate stageDay = mail.stage().dayFor(due);
            boolean onItsDay = mail.day().equals(stageDay);
            boolean serverWasOffOnItsDay = !stageDay.isBefore(EPOCH.plusDays(downFrom))
                    && stageDay.isBefore(EPOCH.plusDays(downFrom + downDays));
            assertThat(onItsDay || serverWasOffOnItsDay).isTrue();
        }
    }

    @Example
    void theStagesAreNinetyThirtySevenAndTheDay() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        LocalDate connected = LocalDate.of(2026, 1, 1);
        assertThat(ReminderSchedule.dueNow(due, due.minusDays(91), connected, Set.of())).isEmpty();
        assertThat(ReminderSchedule.dueNow(due, due.minusDays(90), connected, Set.of())).contains(ReminderStage.DAYS_90);
        assertThat(ReminderSchedule.dueNow(due, due.minusDays(89), connected, Set.of(ReminderStage.DAYS_90))).isEmpty();
        assertThat(ReminderSchedule.dueNow(due, due.minusDays(30), connected, Set.of())).contains(ReminderStage.DAYS_30);
        assertThat(ReminderSchedule.dueNow(due, due.minusDays(7), connected, Set.of())).contains(ReminderStage.DAYS_7);
        assertThat(ReminderSchedule.dueNow(due, due, connected, Set.of())).contains(ReminderStage.DAY_OF);
        assertThat(ReminderSchedule.dueNow(due, due.plusDays(1), connected, Set.of())).isEmpty();
    }
}
