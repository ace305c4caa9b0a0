package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AccountRepository} in a map, with the database's rule of one account per address. */
public final class InMemoryAccounts implements AccountRepository {

    private final Map<EmailAddress, Account> byEmail = new ConcurrentHashMap<>();
    private final Map<AccountId, ContactDetails> contacts = new ConcurrentHashMap<>();

    @Override
    public boolean existsWithEmail(EmailAddress email) {
        return byEmail.containsKey(email);
    }

    @Override
    public boolean add(Account account) {
        return byEmail.putIfAbsent(account.email(), account) == null;
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return byEmail.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public int countInCompany(com.smartconnect.domain.account.CompanyId companyId) {
        return (int) byEmail.values().stream().filter(a -> a.companyId().equals(companyId)).count();
    }

    @Override
    public boolean delete(AccountId id) {
        return byEmail.values().removeIf(a -> a.id().equals(id));
    }

    @Override
    public ContactDetails contactDetailsOf(AccountId id) {
        existing(id);
        return contacts.getOrDefault(id, ContactDetails.NONE);
    }

    @Override
    public void updateProfile(AccountId id, PersonName name, Country country, ContactDetails contact) {
        Account a = existing(id);
        byEmail.put(a.email(), new Account(a.id(), a.email(), name, country, a.passwordHash(), a.companyId(),
                a.marketingOptIn(), a.privacyAcceptedAt(), a.createdAt()));
        contacts.put(id, contact);
    }

    @Override
    public synchronized boolean updateEmail(AccountId id, EmailAddress email) {
        Account a = existing(id);
        if (byEmail.containsKey(email)) {
            return false;
        }
        byEmail.remove(a.email());
        byEmail.put(email, new Account(a.id(), email, a.name(), a.country(), a.passwordHash(), a.companyId(),
                a.marketingOptIn(), a.privacyAcceptedAt(), a.createdAt()));
        return true;
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        Account a = existing(id);
        byEmail.put(a.email(), new Account(a.id(), a.email(), a.name(), a.country(), passwordHash, a.companyId(),
                a.marketingOptIn(), a.privacyAcceptedAt(), a.createdAt()));
    }

    /** As the database does: a change to an account that is gone must not pass for a success. */
    private Account existing(AccountId id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("account " + id + " does not exist"));
    }
}
