package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;

import com.smartconnect.adapters.persistence.jooq.tables.records.AccountRecord;
import com.smartconnect.application.port.out.AccountRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import java.util.Locale;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/**
 * The accounts, in table {@code account}; its unique constraint on {@code email} keeps one account per address.
 * Deleting an account deletes its sessions and password reset links with it ({@code ON DELETE CASCADE}).
 */
final class DatabaseAccounts implements AccountRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EMAIL_CONSTRAINT = "account_email_uk";

    private final DatabaseTransactions transactions;

    DatabaseAccounts(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean existsWithEmail(EmailAddress email) {
        return transactions.dsl().fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(email.value()));
    }

    /**
     * Inserts with {@code ON CONFLICT (email) DO NOTHING} rather than catching the unique violation: on
     * PostgreSQL a failed statement aborts the whole transaction, and the caller's transaction must go on.
     */
    @Override
    public boolean add(Account account) {
        AccountRecord row = new AccountRecord(account.id().value(), account.email().value(), account.name().first(),
                account.name().last(), account.country().code(), account.passwordHash(), account.companyId().value(),
                account.marketingOptIn(), Timestamps.column(account.privacyAcceptedAt()),
                Timestamps.column(account.createdAt()));
        try {
            return transactions.dsl().insertInto(ACCOUNT).set(row).onConflict(ACCOUNT.EMAIL).doNothing().execute() == 1;
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // address; the constraint then refuses it instead. H2 keeps the transaction usable after that.
            if (isEmailTaken(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return transactions.dsl().selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseAccounts::account);
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return transactions.dsl().selectFrom(ACCOUNT).where(ACCOUNT.EMAIL.eq(email.value()))
                .fetchOptional()
                .map(DatabaseAccounts::account);
    }

    /** Along the index on {@code company_id}. */
    @Override
    public int countInCompany(CompanyId companyId) {
        return transactions.dsl().fetchCount(ACCOUNT, ACCOUNT.COMPANY_ID.eq(companyId.value()));
    }

    /** The foreign keys of {@code session} and {@code password_reset} delete the account's rows there too. */
    @Override
    public void delete(AccountId id) {
        transactions.dsl().deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(id.value())).execute();
    }

    /** A new password for an account that is gone must not pass for a success. */
    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        int updated = transactions.dsl().update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .where(ACCOUNT.ID.eq(id.value()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("account " + id + " does not exist");
        }
    }

    private static boolean isEmailTaken(DataAccessException e) {
        String message = e.getMessage();
        return UNIQUE_VIOLATION.equals(e.sqlState())
                && message != null && message.toLowerCase(Locale.ROOT).contains(EMAIL_CONSTRAINT);
    }

    private static Account account(AccountRecord row) {
        return new Account(new AccountId(row.getId()), new EmailAddress(row.getEmail()),
                new PersonName(row.getFirstName(), row.getLastName()), new Country(row.getCountry()),
                row.getPasswordHash(), new CompanyId(row.getCompanyId()), row.getMarketingOptIn(),
                Timestamps.instant(row.getPrivacyAcceptedAt()), Timestamps.instant(row.getCreatedAt()));
    }
}
