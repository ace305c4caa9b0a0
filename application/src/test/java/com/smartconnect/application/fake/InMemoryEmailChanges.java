package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.EmailChangeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailChange;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link EmailChangeRepository} in a map, one change per account. */
public final class InMemoryEmailChanges implements EmailChangeRepository {

    private final Map<AccountId, EmailChange> byAccount = new ConcurrentHashMap<>();

    @Override
    public synchronized void replace(EmailChange change) {
        byAccount.put(change.accountId(), ColumnPrecision.of(change));
    }

    @Override
    public Optional<EmailChange> findForUpdate(AccountId accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    @Override
    public synchronized void update(EmailChange change) {
        // By id, as the database does: a change that was replaced or deleted meanwhile must not pass for saved.
        EmailChange pending = byAccount.get(change.accountId());
        if (pending != null && pending.id().equals(change.id())) {
            byAccount.put(change.accountId(), ColumnPrecision.of(change));
        } else {
            throw new IllegalStateException("email change " + change.id() + " of account " + change.accountId()
                    + " is not pending");
        }
    }

    @Override
    public void deleteFor(AccountId accountId) {
        byAccount.remove(accountId);
    }
}
