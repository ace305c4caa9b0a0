package com.smartconnect.application.service;

import com.smartconnect.application.port.in.FieldError;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.PasswordPolicy;
import java.util.List;

/** The password policy applied to a new password of an existing account, as field errors. */
final class NewPasswords {

    private NewPasswords() {
    }

    static List<FieldError> violations(Account account, String password, String field) {
        return PasswordPolicy.violations(password, account.name(), account.email()).stream()
                .map(rule -> new FieldError(field, rule.code(), rule.message()))
                .toList();
    }
}
