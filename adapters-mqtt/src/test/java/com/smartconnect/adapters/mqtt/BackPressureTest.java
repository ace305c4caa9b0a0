package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackPressureTest {

    /**
     * A connection's reading as the endpoint drives it: what it was told, in order, and the work queued on its
     * context, run when the test says (as its event loop would, later).
     */
    private static final class Recorded implements BackPressure.Reading {
        final List<String> told = new ArrayList<>();
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void pause() {
            told.add("pause");
        }

        @Override
        public void resume() {
            told.add("resume");
        }

        @Override
        public void runOnContext(Runnable action) {
            queued.add(action);
        }

        void runQueued() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void aConnectionIsNotReadPastItsOwnBoundUntilItsMessagesAreStored() {
        BackPressure backPressure = new BackPressure(2, 100);
        Recorded reading = new Recorded();
        BackPressure.Connection connection = backPressure.connection(reading);

        connection.entered();
        assertThat(connection.paused()).isFalse();
        connection.entered();

        assertThat(connection.paused()).isTrue();
        assertThat(reading.told).containsExactly("pause");
        assertThat(connection.waitingForRoom()).as("it waits for its own messages, not for the endpoint").isFalse();
        assertThat(backPressure.inCommit()).isEqualTo(2);

        connection.left();
        connection.resumeIfRoom();

        assertThat(connection.paused()).isFalse();
        assertThat(reading.told).containsExactly("pause", "resume");
        assertThat(backPressure.inCommit()).isEqualTo(1);
    }

    @Test
    void aConnectionStaysHeldBackWhileItsOwnMessagesStillFillItsBound() {
        BackPressure backPressure = new BackPressure(2, 100);
        Recorded reading = new Recorded();
        BackPressure.Connection connection = backPressure.connection(reading);
        connection.entered();
        connection.entered();
        connection.entered();

        connection.left();
        connection.resumeIfRoom();

        assertThat(connection.paused()).isTrue();
        assertThat(reading.told).containsExactly("pause");
    }

    @Test
    void pastTheEndpointsTotalAConnectionWaitsForTheOthersMessagesAndIsWokenOnItsOwnContext() {
        BackPressure backPressure = new BackPressure(10, 2);
        Recorded firstReading = new Recorded();
        Recorded secondReading = new Recorded();
        BackPressure.Connection first = backPressure.connection(firstReading);
        BackPressure.Connection second = backPressure.connection(secondReading);

        first.entered();
        second.entered();

        assertThat(first.paused()).isFalse();
        assertThat(second.paused()).isTrue();
        assertThat(second.waitingForRoom()).isTrue();

        first.left();
        assertThat(second.paused()).as("woken on its own context, not on the one that freed room").isTrue();
        assertThat(secondReading.queued).hasSize(1);

        secondReading.runQueued();

        assertThat(second.paused()).isFalse();
        assertThat(second.waitingForRoom()).isFalse();
        assertThat(secondReading.told).containsExactly("pause", "resume");
        assertThat(firstReading.told).isEmpty();
    }

    @Test
    void eachFreedPlaceWakesOneWaitingConnectionOnly() {
        BackPressure backPressure = new BackPressure(10, 3);
        BackPressure.Connection first = backPressure.connection(new Recorded());
        BackPressure.Connection second = backPressure.connection(new Recorded());
        Recorded thirdReading = new Recorded();
        Recorded fourthReading = new Recorded();
        BackPressure.Connection third = backPressure.connection(thirdReading);
        BackPressure.Connection fourth = backPressure.connection(fourthReading);
        first.entered();
        second.entered();
        third.entered();
        fourth.entered();
        assertThat(third.waitingForRoom()).isTrue();
        assertThat(fourth.waitingForRoom()).isTrue();

        first.left();
        assertThat(thirdReading.queued.size() + fourthReading.queued.size()).as("still full: nobody woken").isZero();

        second.left();
        assertThat(thirdReading.queued.size() + fourthReading.queued.size()).as("one place, one wake-up").isEqualTo(1);

        thirdReading.runQueued();
        fourthReading.runQueued();
        assertThat(List.of(third.paused(), fourth.paused())).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aWokenConnectionThatFindsTheEndpointFullAgainWaitsAgain() {
        BackPressure backPressure = new BackPressure(10, 2);
        Recorded secondReading = new Recorded();
        BackPressure.Connection first = backPressure.connection(new Recorded());
        BackPressure.Connection second = backPressure.connection(secondReading);
        BackPressure.Connection third = backPressure.connection(new Recorded());
        first.entered();
        second.entered();
        first.left();
        assertThat(second.waitingForRoom()).as("handed its wake-up").isFalse();

        // Before the wake-up runs on the second's context, a third connection takes the freed place.
        third.entered();
        secondReading.runQueued();

        assertThat(second.paused()).isTrue();
        assertThat(second.waitingForRoom()).isTrue();
        assertThat(secondReading.told).containsExactly("pause");
    }

    @Test
    void aClosedConnectionIsNotWoken() {
        BackPressure backPressure = new BackPressure(10, 2);
        Recorded secondReading = new Recorded();
        BackPressure.Connection first = backPressure.connection(new Recorded());
        BackPressure.Connection second = backPressure.connection(secondReading);
        first.entered();
        second.entered();
        assertThat(second.waitingForRoom()).isTrue();

        second.closed();
        first.left();

        assertThat(second.waitingForRoom()).isFalse();
        assertThat(secondReading.queued).isEmpty();
    }

    @Test
    void refusesBoundsBelowOne() {
        assertThatThrownBy(() -> new BackPressure(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackPressure(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
