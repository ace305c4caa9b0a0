package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

abstract class AccountDeletionsContract extends PortContract {

    @DatabaseOnly("reads its tables")
    @Test
    void recordsTheDeletionWithItsTimeToTheMicrosecond() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant withNanos = Instant.parse("2026-11-20T08:00:00.123456789Z");

        ports.accountDeletions().record(id, withNanos);

        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT deleted_at FROM account_deletion WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getObject(1, OffsetDateTime.class).toInstant())
                        .isEqualTo(withNanos.truncatedTo(ChronoUnit.MICROS));
                assertThat(result.next()).isFalse();
            }
        }
    }

    @Test
    void keepsEachDeletionAsARowOfItsOwn() throws SQLException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        ports.accountDeletions().record(first, Examples.NOW);
        ports.accountDeletions().record(second, Examples.NOW);

        inTheTables(() -> assertThat(rowsWithId(first)).isEqualTo(1));
        inTheTables(() -> assertThat(rowsWithId(second)).isEqualTo(1));
    }

    /** Nothing of the person: the table has no column but the id and the time. */
    @DatabaseOnly("reads its tables")
    @Test
    void keepsNothingButAnIdAndATime() throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM account_deletion WHERE 1 = 0")) {
            ResultSetMetaData columns = result.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            assertThat(names).containsExactlyInAnyOrder("id", "deleted_at");
        }
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void recordsNothingWhenTheTransactionRollsBack() throws SQLException {
        UUID id = UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            ports.accountDeletions().record(id, Examples.NOW);
            throw failure;
        })).isSameAs(failure);

        assertThat(rowsWithId(id)).isZero();
    }

    private int rowsWithId(UUID id) throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM account_deletion WHERE id = ?")) {
            count.setObject(1, id);
            try (ResultSet result = count.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getInt(1);
            }
        }
    }
}
