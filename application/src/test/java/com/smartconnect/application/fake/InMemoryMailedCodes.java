package com.smartconnect.application.fake;

import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MailedCodeRepository} in a map. */
public final class InMemoryMailedCodes implements MailedCodeRepository {

    private record Key(AccountId accountId, CodePurpose purpose) {
    }

    private final Map<Key, MailedCode> codes = new ConcurrentHashMap<>();

    @Override
    public void put(MailedCode code) {
        codes.put(new Key(code.accountId(), code.purpose()), ColumnPrecision.of(code));
    }

    @Override
    public Optional<MailedCode> find(AccountId accountId, CodePurpose purpose) {
        return Optional.ofNullable(codes.get(new Key(accountId, purpose)));
    }

    @Override
    public void recordFailure(AccountId accountId, CodePurpose purpose) {
        codes.computeIfPresent(new Key(accountId, purpose), (key, c) -> new MailedCode(c.accountId(), c.purpose(),
                c.codeHash(), c.sentAt(), c.expiresAt(), c.failedAttempts() + 1));
    }

    @Override
    public void delete(AccountId accountId, CodePurpose purpose) {
        codes.remove(new Key(accountId, purpose));
    }

    @Override
    public void deleteAllOf(AccountId accountId) {
        codes.keySet().removeIf(key -> key.accountId().equals(accountId));
    }

    public int size() {
        return codes.size();
    }
}
