package com.smartconnect.domain.device;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.common.DomainViolation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A UPS registered to an account (its owner), with the UPS profile the owner sets (name, description, IANA time zone,
 * notifications) and the sensitivity last asked for. The owner's company co-workers see it, read-only.
 */
public record DeviceRegistration(
        ProductId productId,
        AccountId owner,
        CompanyId company,
        Instant registeredAt,
        Optional<String> name,
        Optional<String> description,
        ZoneId timeZone,
        boolean notifications,
        Sensitivity sensitivity) {

    public static final int MAX_NAME = 64;
    public static final int MAX_DESCRIPTION = 500;
    public static final String INVALID_TIME_ZONE = "INVALID_TIME_ZONE";

    public DeviceRegistration {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(registeredAt, "registeredAt");
        name = Objects.requireNonNull(name, "name").map(n -> text(n, MAX_NAME, "the UPS name"));
        description = Objects.requireNonNull(description, "description")
                .map(d -> text(d, MAX_DESCRIPTION, "the UPS description"));
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(sensitivity, "sensitivity");
    }

    /** A device just registered: no name yet, UTC, notifications on, normal sensitivity. */
    public static DeviceRegistration registered(ProductId productId, AccountId owner, CompanyId company, Instant at) {
        return new DeviceRegistration(productId, owner, company, at, Optional.empty(), Optional.empty(),
                ZoneOffset.UTC, true, Sensitivity.NORMAL);
    }

    /** An IANA time zone id such as {@code Europe/Paris}; a {@link DomainViolation} names the field otherwise. */
    public static ZoneId timeZone(String id) {
        if (id == null || id.isBlank() || !id.contains("/") && !id.equals("UTC")) {
            throw new DomainViolation(INVALID_TIME_ZONE, "Please choose a time zone such as Europe/London.");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException unknown) {
            throw new DomainViolation(INVALID_TIME_ZONE, "Please choose a time zone such as Europe/London.");
        }
    }

    public DeviceRegistration withProfile(Optional<String> name, Optional<String> description, ZoneId timeZone,
            boolean notifications) {
        return new DeviceRegistration(productId, owner, company, registeredAt, name, description, timeZone,
                notifications, sensitivity);
    }

    public DeviceRegistration withSensitivity(Sensitivity sensitivity) {
        return new DeviceRegistration(productId, owner, company, registeredAt, name, description, timeZone,
                notifications, sensitivity);
    }

    private static String text(String value, int max, String label) {
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new DomainViolation("FIELD_TOO_LONG", "The " + label.substring(4) + " must be at most " + max
                    + " characters long.");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new DomainViolation("FIELD_INVALID", "The " + label.substring(4)
                    + " contains characters that are not allowed.");
        }
        return stripped;
    }
}
