package com.smartconnect.application.account;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.PasswordPolicy;
import java.util.List;

/** The password policy applied to a new password of an existing account, as field errors. */
public final class NewPasswords {

    private NewPasswords() {
    }

    public static List<FieldError> violations(Account account, String password, String field) {
        return PasswordPolicy.violations(password, account.name(), account.email()).stream()
                .map(rule -> new FieldError(field, rule.code(), rule.message()))
                .toList();
    }
}
