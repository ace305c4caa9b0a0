package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;

import com.smartconnect.adapters.persistence.jooq.tables.records.AccountRecord;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.account.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The accounts, in table {@code account}; its unique constraint on {@code email} keeps one account per address.
 * Deleting an account deletes its sessions, password reset links, pending e-mail change, everything of its
 * two-factor authentication, and its reseller connections and preference with it ({@code ON DELETE CASCADE}). Its
 * contact details ({@code language}, {@code phone}, {@code job_role}) are columns of the same row: a new account
 * speaks English and has neither phone nor job role until its profile is updated.
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
     * PostgreSQL a failed statement aborts the whole transaction, and the caller's transaction must go on. A new
     * account starts with {@link ContactDetails#NONE}.
     */
    @Override
    public boolean add(Account account) {
        ContactDetails contact = ContactDetails.NONE;
        AccountRecord row = new AccountRecord(account.id().value(), account.email().value(), account.name().first(),
                account.name().last(), account.country().code(), account.passwordHash(), account.companyId().value(),
                account.marketingOptIn(), Timestamps.column(account.privacyAcceptedAt()),
                Timestamps.column(account.createdAt()), contact.language().tag(),
                contact.phone().map(PhoneNumber::value).orElse(null), contact.jobRole().orElse(null));
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

    /**
     * Throws {@link IllegalStateException} for an unknown account rather than answering {@link ContactDetails#NONE}:
     * callers pass the id of a live session's account, so a missing row is a bug or a race with a deletion, and
     * must not pass for an account that simply has no details.
     */
    @Override
    public ContactDetails contactDetailsOf(AccountId id) {
        return transactions.dsl().select(ACCOUNT.LANGUAGE, ACCOUNT.PHONE, ACCOUNT.JOB_ROLE)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(id.value()))
                .fetchOptional()
                .map(DatabaseAccounts::contactDetails)
                .orElseThrow(() -> new IllegalStateException("account " + id + " does not exist"));
    }

    /** A profile saved for an account that is gone must not pass for a success. Absent phone or role: null. */
    @Override
    public void updateProfile(AccountId id, PersonName name, Country country, ContactDetails contact) {
        int updated = transactions.dsl().update(ACCOUNT)
                .set(ACCOUNT.FIRST_NAME, name.first())
                .set(ACCOUNT.LAST_NAME, name.last())
                .set(ACCOUNT.COUNTRY, country.code())
                .set(ACCOUNT.LANGUAGE, contact.language().tag())
                .set(ACCOUNT.PHONE, contact.phone().map(PhoneNumber::value).orElse(null))
                .set(ACCOUNT.JOB_ROLE, contact.jobRole().orElse(null))
                .where(ACCOUNT.ID.eq(id.value()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("account " + id + " does not exist");
        }
    }

    /** Along the index on {@code company_id}. */
    @Override
    public int countInCompany(CompanyId companyId) {
        return transactions.dsl().fetchCount(ACCOUNT, ACCOUNT.COMPANY_ID.eq(companyId.value()));
    }

    /**
     * The foreign keys of {@code session}, {@code password_reset}, {@code email_change}, {@code two_factor},
     * {@code recovery_code}, {@code two_factor_code}, {@code login_challenge}, {@code reseller_connection} and
     * {@code reseller_preference} delete the account's rows there too.
     */
    @Override
    public boolean delete(AccountId id) {
        return transactions.dsl().deleteFrom(ACCOUNT).where(ACCOUNT.ID.eq(id.value())).execute() == 1;
    }

    /**
     * A conditional {@code UPDATE ... WHERE id = ? AND NOT EXISTS (an account with the address)} rather than
     * catching the unique violation: on PostgreSQL a failed statement aborts the whole transaction, and the caller's
     * transaction must go on (the service deletes the pending change in it, and commits that when this answers
     * false). The address counts as taken if any account has it, this one included, as the port says. When nothing
     * was updated, a second query tells an unknown account (a bug or a race with its deletion, which must not pass
     * for a taken address) from a taken address.
     *
     * <p>The check does not see an account that a concurrent transaction has inserted or renamed to the address but
     * not yet committed; the unique constraint on {@code email} then refuses the update. That violation is caught only
     * on H2, which keeps the transaction usable after it. On PostgreSQL it is left to propagate: the transaction is
     * aborted by then, and answering false would let the caller go on in it and fail later, far from the cause, or
     * seem to succeed while nothing is committed. The race needs two people to claim one address in the same
     * instant, and its loser only has to try again, when the check answers false.
     */
    @Override
    public boolean updateEmail(AccountId id, EmailAddress email) {
        var other = ACCOUNT.as("other");
        int updated;
        try {
            updated = transactions.dsl().update(ACCOUNT)
                    .set(ACCOUNT.EMAIL, email.value())
                    .where(ACCOUNT.ID.eq(id.value()))
                    .andNotExists(DSL.selectOne().from(other).where(other.EMAIL.eq(email.value())))
                    .execute();
        } catch (DataAccessException e) {
            if (transactions.dsl().family() == SQLDialect.H2 && isEmailTaken(e)) {
                return false;
            }
            throw e;
        }
        if (updated == 1) {
            return true;
        }
        if (!transactions.dsl().fetchExists(ACCOUNT, ACCOUNT.ID.eq(id.value()))) {
            throw new IllegalStateException("account " + id + " does not exist");
        }
        return false;
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

    private static ContactDetails contactDetails(Record3<String, String, String> row) {
        return new ContactDetails(new Language(row.value1()), Optional.ofNullable(row.value2()).map(PhoneNumber::new),
                Optional.ofNullable(row.value3()));
    }

    private static Account account(AccountRecord row) {
        return new Account(new AccountId(row.getId()), new EmailAddress(row.getEmail()),
                new PersonName(row.getFirstName(), row.getLastName()), new Country(row.getCountry()),
                row.getPasswordHash(), new CompanyId(row.getCompanyId()), row.getMarketingOptIn(),
                Timestamps.instant(row.getPrivacyAcceptedAt()), Timestamps.instant(row.getCreatedAt()));
    }
}
