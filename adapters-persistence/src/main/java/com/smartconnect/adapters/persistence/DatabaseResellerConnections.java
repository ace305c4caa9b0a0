package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.RESELLER_CONNECTION;

import com.smartconnect.adapters.persistence.jooq.tables.records.ResellerConnectionRecord;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The reseller connections, in table {@code reseller_connection}, found by customer or by the unique hash of either
 * secret link. Column {@code open_customer_id} holds the customer while the connection is open (invited or connected)
 * and null once it ended; its unique constraint keeps one open connection per customer. Deleting the customer's
 * account deletes its connections ({@code ON DELETE CASCADE}).
 */
final class DatabaseResellerConnections implements ResellerConnectionRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String OPEN_CUSTOMER_CONSTRAINT = "reseller_connection_open_customer_uk";

    private final DatabaseTransactions transactions;

    DatabaseResellerConnections(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Inserts with {@code ON CONFLICT (open_customer_id) DO NOTHING} rather than checking first or catching the unique
     * violation: a check would not see an invitation that a concurrent transaction stored but has not committed, and
     * on PostgreSQL a failed statement aborts the whole transaction, which the caller's must survive. PostgreSQL waits
     * for the concurrent transaction, then inserts nothing if it committed (or inserts if it rolled back). A conflict
     * on a token hash is not caught: it is a bug (or a broken random source), not an open connection.
     *
     * <p>Only a new invitation is added: a connection in another state would not be open and so would be stored even
     * while the customer has an open one.
     */
    @Override
    public boolean addIfNoneOpen(ResellerConnection invitation) {
        if (invitation.state() != ResellerConnectionState.INVITED) {
            throw new IllegalArgumentException("only a new invitation is added, not a connection " + invitation.state());
        }
        try {
            return transactions.dsl().insertInto(RESELLER_CONNECTION).set(row(invitation))
                    .onConflict(RESELLER_CONNECTION.OPEN_CUSTOMER_ID)
                    .doNothing()
                    .execute() == 1;
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted invitation of the same
            // customer; the unique constraint refuses it instead once that one commits. H2 keeps the transaction
            // usable after that. On PostgreSQL ON CONFLICT has answered already, so any violation there is another.
            if (transactions.dsl().family() == SQLDialect.H2 && isOpenConnectionTaken(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int invitationsSince(AccountId customer, Instant since) {
        return transactions.dsl().fetchCount(RESELLER_CONNECTION, RESELLER_CONNECTION.CUSTOMER_ID.eq(customer.value())
                .and(RESELLER_CONNECTION.INVITED_AT.gt(Timestamps.column(since))));
    }

    /** Along the index on {@code (customer_id, seq)}: by the order of storing, as two invitations may share an instant. */
    @Override
    public Optional<ResellerConnection> latestOf(AccountId customer) {
        return transactions.dsl().selectFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.CUSTOMER_ID.eq(customer.value()))
                .orderBy(RESELLER_CONNECTION.SEQ.desc())
                .limit(1)
                .fetchOptional()
                .map(DatabaseResellerConnections::connection);
    }

    @Override
    public Optional<ResellerConnection> findByAcceptTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.ACCEPT_TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabaseResellerConnections::connection);
    }

    @Override
    public Optional<ResellerConnection> findById(java.util.UUID id) {
        return transactions.dsl().selectFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.ID.eq(id))
                .fetchOptional()
                .map(DatabaseResellerConnections::connection);
    }

    @Override
    public Optional<ResellerConnection> findByUnsubscribeTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.UNSUBSCRIBE_TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabaseResellerConnections::connection);
    }

    /**
     * One conditional UPDATE, so that the database decides between two answers at the same moment: the second waits
     * for the first's row lock, then its condition on the state no longer holds and it changes nothing. Only what a
     * change of state changes is written (state, times, open_customer_id); open_customer_id is taken from the row's
     * own customer_id, so an ended connection releases the customer for a new invitation in the same statement.
     */
    @Override
    public boolean update(ResellerConnection changed, ResellerConnectionState expected) {
        Field<UUID> openCustomer = changed.state().isOpen()
                ? RESELLER_CONNECTION.CUSTOMER_ID
                : DSL.castNull(RESELLER_CONNECTION.OPEN_CUSTOMER_ID.getDataType());
        return transactions.dsl().update(RESELLER_CONNECTION)
                .set(RESELLER_CONNECTION.STATE, changed.state().name())
                .set(RESELLER_CONNECTION.CONNECTED_AT, Timestamps.column(changed.connectedAt().orElse(null)))
                .set(RESELLER_CONNECTION.ENDED_AT, Timestamps.column(changed.endedAt().orElse(null)))
                .set(RESELLER_CONNECTION.OPEN_CUSTOMER_ID, openCustomer)
                .where(RESELLER_CONNECTION.ID.eq(changed.id()))
                .and(RESELLER_CONNECTION.STATE.eq(expected.name()))
                .execute() == 1;
    }

    /**
     * Along the index on {@code (state, expires_at)}. {@code FOR UPDATE SKIP LOCKED} locks the rows until the caller's
     * transaction ends, and makes the claims of other instances pass over them instead of waiting; outside a
     * transaction the lock ends with the statement.
     *
     * <p>In no particular order (the job ends them all, batch after batch): when H2 sorts the rows of a
     * {@code FOR UPDATE}, even along an index, it locks every row that matches before it applies the limit, so a
     * second claimer would find them all locked and claim nothing. Unsorted, it stops locking at the limit.
     */
    @Override
    public List<ResellerConnection> claimExpired(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.dsl().selectFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.STATE.eq(ResellerConnectionState.INVITED.name()))
                .and(RESELLER_CONNECTION.EXPIRES_AT.le(Timestamps.column(now)))
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(DatabaseResellerConnections::connection);
    }

    /** Along the index on {@code (customer_id, seq)}. */
    @Override
    public void deleteAllOf(AccountId customer) {
        transactions.dsl().deleteFrom(RESELLER_CONNECTION)
                .where(RESELLER_CONNECTION.CUSTOMER_ID.eq(customer.value()))
                .execute();
    }

    private static boolean isOpenConnectionTaken(DataAccessException e) {
        String message = e.getMessage();
        return UNIQUE_VIOLATION.equals(e.sqlState())
                && message != null && message.toLowerCase(Locale.ROOT).contains(OPEN_CUSTOMER_CONSTRAINT);
    }

    /** Every column but {@code seq}, which the database numbers. */
    private static ResellerConnectionRecord row(ResellerConnection connection) {
        ResellerConnectionRecord row = new ResellerConnectionRecord();
        row.setId(connection.id());
        row.setCustomerId(connection.customer().value());
        row.setOpenCustomerId(connection.state().isOpen() ? connection.customer().value() : null);
        row.setResellerEmail(connection.resellerEmail().value());
        row.setState(connection.state().name());
        row.setInvitedAt(Timestamps.column(connection.invitedAt()));
        row.setExpiresAt(Timestamps.column(connection.expiresAt()));
        row.setConnectedAt(Timestamps.column(connection.connectedAt().orElse(null)));
        row.setEndedAt(Timestamps.column(connection.endedAt().orElse(null)));
        row.setAcceptTokenHash(connection.acceptTokenHash());
        row.setUnsubscribeTokenHash(connection.unsubscribeTokenHash());
        return row;
    }

    private static ResellerConnection connection(ResellerConnectionRecord row) {
        return new ResellerConnection(row.getId(), new AccountId(row.getCustomerId()),
                new EmailAddress(row.getResellerEmail()), ResellerConnectionState.valueOf(row.getState()),
                Timestamps.instant(row.getInvitedAt()), Timestamps.instant(row.getExpiresAt()),
                Optional.ofNullable(Timestamps.instant(row.getConnectedAt())),
                Optional.ofNullable(Timestamps.instant(row.getEndedAt())), row.getAcceptTokenHash(),
                row.getUnsubscribeTokenHash());
    }
}
