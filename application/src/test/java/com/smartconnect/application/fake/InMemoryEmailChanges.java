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
    public void replace(EmailChange change) {
        byAccount.put(change.accountId(), change);
    }

    @Override
    public Optional<EmailChange> findForUpdate(AccountId accountId) {
        return Optional.ofNullable(byAccount.get(accountId));
    }

    @Override
    public void update(EmailChange change) {
        if (byAccount.replace(change.accountId(), change) == null) {
            throw new IllegalStateException("no change pending for " + change.accountId());
        }
    }

    @Override
    public void deleteFor(AccountId accountId) {
        byAccount.remove(accountId);
    }
}
