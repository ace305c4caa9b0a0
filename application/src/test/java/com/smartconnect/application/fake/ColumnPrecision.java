package com.smartconnect.application.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The precision the database keeps instants to, which the fakes keep them to as well: a test that passes on a fake
 * with nanoseconds the database drops would fail on the database.
 */
final class ColumnPrecision {

    private ColumnPrecision() {
    }

    /** A timestamp column's: to the microsecond. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> micros(Optional<Instant> instant) {
        return instant.map(ColumnPrecision::micros);
    }

    static com.smartconnect.domain.common.CodeChallenge of(com.smartconnect.domain.common.CodeChallenge c) {
        return new com.smartconnect.domain.common.CodeChallenge(c.codeHash(), micros(c.sentAt()),
                micros(c.expiresAt()), c.failedAttempts(), c.codesSent());
    }

    static com.smartconnect.domain.account.EmailChange of(com.smartconnect.domain.account.EmailChange c) {
        return new com.smartconnect.domain.account.EmailChange(c.id(), c.accountId(), c.newEmail(), c.addressTaken(),
                of(c.challenge()), micros(c.createdAt()));
    }

    static com.smartconnect.domain.registration.Registration of(com.smartconnect.domain.registration.Registration r) {
        return new com.smartconnect.domain.registration.Registration(r.id(), r.email(), r.details(),
                of(r.challenge()), r.status(), micros(r.createdAt()));
    }

    static com.smartconnect.domain.session.Session of(com.smartconnect.domain.session.Session s) {
        return new com.smartconnect.domain.session.Session(s.id(), s.tokenHash(), s.accountId(), micros(s.createdAt()),
                micros(s.lastSeenAt()), micros(s.expiresAt()), s.twoFactorPassed());
    }

    static com.smartconnect.domain.session.PasswordReset of(com.smartconnect.domain.session.PasswordReset r) {
        return new com.smartconnect.domain.session.PasswordReset(r.id(), r.tokenHash(), r.accountId(),
                micros(r.createdAt()), micros(r.expiresAt()), micros(r.usedAt()));
    }

    static com.smartconnect.domain.twofactor.LoginChallenge of(com.smartconnect.domain.twofactor.LoginChallenge c) {
        return new com.smartconnect.domain.twofactor.LoginChallenge(c.id(), c.tokenHash(), c.accountId(), c.method(),
                micros(c.expiresAt()), c.failedAttempts());
    }

    static com.smartconnect.domain.twofactor.MailedCode of(com.smartconnect.domain.twofactor.MailedCode c) {
        return new com.smartconnect.domain.twofactor.MailedCode(c.accountId(), c.purpose(), c.codeHash(),
                micros(c.sentAt()), micros(c.expiresAt()), c.failedAttempts());
    }

    static com.smartconnect.domain.twofactor.TwoFactorSetting of(com.smartconnect.domain.twofactor.TwoFactorSetting s) {
        return new com.smartconnect.domain.twofactor.TwoFactorSetting(s.accountId(), s.method(), s.sealedTotpSecret(),
                s.lastUsedStep(), s.enabled(), micros(s.createdAt()));
    }

    static com.smartconnect.domain.device.DeviceEvent of(com.smartconnect.domain.device.DeviceEvent e) {
        return new com.smartconnect.domain.device.DeviceEvent(e.productId(), e.eventId(), e.type(), e.severity(),
                micros(e.occurredAt()), micros(e.receivedAt()), e.detailsJson());
    }

    static com.smartconnect.domain.device.DeviceBirth of(com.smartconnect.domain.device.DeviceBirth b) {
        return new com.smartconnect.domain.device.DeviceBirth(b.model(), b.serialNumber(), b.firmware(),
                b.smartConnectEnabled(), b.batterySku(), b.batteryInstalledOn(), b.outletGroups(), micros(b.sentAt()));
    }

    static com.smartconnect.domain.device.DeviceStatus of(com.smartconnect.domain.device.DeviceStatus s) {
        return new com.smartconnect.domain.device.DeviceStatus(s.seq(), micros(s.sentAt()), s.flags(),
                s.batteryChargePercent(), s.batteryRuntimeSeconds(), s.loadPercent(), s.inputVoltage(),
                s.outputVoltage(), s.temperatureC());
    }
}
