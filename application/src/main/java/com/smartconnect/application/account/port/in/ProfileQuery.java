package com.smartconnect.application.account.port.in;

import com.smartconnect.domain.account.AccountId;
import java.util.Optional;

/** Reads the profile of the logged-in account (and of no other: callers pass the id of the authenticated user). */
public interface ProfileQuery {

    Optional<Profile> profileOf(AccountId accountId);
}
