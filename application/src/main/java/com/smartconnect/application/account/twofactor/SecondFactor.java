package com.smartconnect.application.account.twofactor;

import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.application.account.twofactor.port.out.TotpCodeGenerator;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.SecretSealer;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import com.smartconnect.domain.twofactor.RecoveryCodes;
import com.smartconnect.domain.twofactor.Totp;
import com.smartconnect.domain.twofactor.TotpSecret;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;

/**
 * The second factor of an account: mails codes, and checks a code a person typed against the account's method, or
 * as one of its recovery codes. Every check that passes uses its code up. Callers run it inside a transaction and
 * count failures themselves (a login counts them against the address, a logged-in user against the account).
 */
public final class SecondFactor {

    /** The name authenticator apps show next to the codes. */
    static final String ISSUER = "SmartConnect";

    private final Clock clock;
    private final RandomSource random;
    private final PasswordHasher hasher;
    private final TwoFactorRepository settings;
    private final MailedCodeRepository mailedCodes;
    private final MailOutbox outbox;
    private final SecretSealer sealer;
    private final TotpCodeGenerator totp;

    @Inject
    public SecondFactor(Clock clock, RandomSource random, PasswordHasher hasher, TwoFactorRepository settings,
            MailedCodeRepository mailedCodes, MailOutbox outbox, SecretSealer sealer, TotpCodeGenerator totp) {
        this.clock = clock;
        this.random = random;
        this.hasher = hasher;
        this.settings = settings;
        this.mailedCodes = mailedCodes;
        this.outbox = outbox;
        this.sealer = sealer;
        this.totp = totp;
    }

    /** Mails {@code account} a new code for {@code purpose}, replacing the one it had; returns the stored code. */
    public MailedCode mailCode(Account account, CodePurpose purpose) {
        Instant now = clock.instant();
        String code = random.digits(MailedCode.LENGTH);
        MailedCode mailed = MailedCode.sent(account.id(), purpose, hasher.hash(code), now);
        mailedCodes.put(mailed);
        MailTemplate template = switch (purpose) {
            case LOGIN -> MailTemplate.TWO_FACTOR_LOGIN_CODE;
            case ENROLMENT -> MailTemplate.TWO_FACTOR_ENROLMENT_CODE;
            case CONFIRMATION -> MailTemplate.TWO_FACTOR_CONFIRMATION_CODE;
        };
        outbox.enqueue(new OutgoingMail(new MailId(random.uuid()), account.email(), template, Map.of(
                "firstName", account.name().first(),
                "code", code,
                "validMinutes", Long.toString(MailedCode.VALIDITY.toMinutes()))));
        return mailed;
    }

    /** Whether another code for {@code purpose} may be mailed now; empty when yes, else the code that was just sent. */
    public Optional<MailedCode> recentCode(Account account, CodePurpose purpose) {
        Instant now = clock.instant();
        return mailedCodes.find(account.id(), purpose).filter(code -> !code.mayResendAt(now));
    }

    /** A new authenticator secret, and its sealed form for storage. */
    TotpSecret newTotpSecret() {
        return new TotpSecret(random.bytes(Totp.SECRET_BYTES));
    }

    String seal(TotpSecret secret, AccountId owner) {
        return sealer.seal(secret.bytes(), owner.toString());
    }

    TotpSecret unseal(TwoFactorSetting setting) {
        return new TotpSecret(sealer.unseal(setting.sealedTotpSecret().orElseThrow(), setting.accountId().toString()));
    }

    /**
     * Checks {@code typed} for {@code purpose}: a 6-digit code of the setting's method, or (once the setting is on)
     * a recovery code. A right code is used up (for an authenticator code: its time step is recorded in the setting);
     * a wrong mailed code counts against that code.
     */
    public boolean accepts(TwoFactorSetting setting, String typed, CodePurpose purpose) {
        String code = typed.strip();
        if (code.length() == MailedCode.LENGTH && code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return setting.method() == TwoFactorMethod.TOTP
                    ? acceptsAuthenticatorCode(setting, code)
                    : acceptsMailedCode(setting, code, purpose);
        }
        String recovery = RecoveryCodes.normalise(code);
        return setting.enabled() && RecoveryCodes.isWellFormed(recovery)
                && settings.useRecoveryCode(setting.accountId(), SecretTokens.hash(recovery));
    }

    private OptionalLong matchingStep(TwoFactorSetting setting, String code) {
        TotpSecret secret = unseal(setting);
        Instant now = clock.instant();
        PrimitiveIterator.OfLong steps = Totp.acceptableSteps(now, setting.lastUsedStep()).iterator();
        while (steps.hasNext()) {
            long step = steps.nextLong();
            if (MessageDigest.isEqual(totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private boolean acceptsAuthenticatorCode(TwoFactorSetting setting, String code) {
        OptionalLong step = matchingStep(setting, code);
        return step.isPresent() && settings.advanceLastUsedStep(setting.accountId(), step.getAsLong());
    }

    private boolean acceptsMailedCode(TwoFactorSetting setting, String code, CodePurpose purpose) {
        Optional<MailedCode> mailed = mailedCodes.find(setting.accountId(), purpose)
                .filter(candidate -> candidate.acceptsTriesAt(clock.instant()));
        if (mailed.isEmpty()) {
            return false;
        }
        if (hasher.matches(code, mailed.get().codeHash())) {
            mailedCodes.delete(setting.accountId(), purpose);
            return true;
        }
        mailedCodes.recordFailure(setting.accountId(), purpose);
        return false;
    }

    /** Issues a fresh set of recovery codes: returns them for showing once, and keeps only their hashes. */
    List<String> issueRecoveryCodes(Account account) {
        List<String> shown = new ArrayList<>(RecoveryCodes.COUNT);
        List<String> hashes = new ArrayList<>(RecoveryCodes.COUNT);
        for (int i = 0; i < RecoveryCodes.COUNT; i++) {
            String code = RecoveryCodes.display(random.bytes(RecoveryCodes.BYTES));
            shown.add(code);
            hashes.add(SecretTokens.hash(RecoveryCodes.normalise(code)));
        }
        settings.replaceRecoveryCodes(account.id(), hashes);
        return shown;
    }
}
