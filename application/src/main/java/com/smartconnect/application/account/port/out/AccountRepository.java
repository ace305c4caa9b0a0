package com.smartconnect.application.account.port.out;

import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import java.util.Optional;

/** Where accounts are kept. One e-mail address has at most one account. */
public interface AccountRepository {

    boolean existsWithEmail(EmailAddress email);

    /** Stores a new account; {@code false}, and nothing stored, if its address already has an account. */
    boolean add(Account account);

    Optional<Account> findById(AccountId id);

    Optional<Account> findByEmail(EmailAddress email);

    /** How many accounts belong to the company. */
    int countInCompany(CompanyId companyId);

    /**
     * Deletes the account for good; its sessions and reset links go with it. {@code false} if there was no such
     * account (a concurrent request deleted it first).
     */
    boolean delete(AccountId id);

    /** The language, phone and job role of an account. */
    ContactDetails contactDetailsOf(AccountId id);

    /** Replaces the name, location and contact details of an account. */
    void updateProfile(AccountId id, PersonName name, Country country, ContactDetails contact);

    /** Gives the account a new address; {@code false}, and nothing changed, if that address has an account. */
    boolean updateEmail(AccountId id, EmailAddress email);

    /** Replaces the password hash of an account. */
    void updatePasswordHash(AccountId id, String passwordHash);
}
