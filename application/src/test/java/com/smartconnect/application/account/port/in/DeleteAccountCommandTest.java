package com.smartconnect.application.account.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.SessionId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deletion's password and code never reach a log; whether a code came does. */
class DeleteAccountCommandTest {

    private final AuthenticatedUser ada = new AuthenticatedUser(
            new AccountId(UUID.fromString("aaaaaaaa-bbbb-4ccc-addd-eeeeeeeeeeee")),
            new SessionId(UUID.fromString("ffffffff-eeee-4ddd-accc-bbbbbbbbbbbb")), false);

    @Test
    void thePasswordIsHiddenAndAnAbsentCodeSaysNone() {
        String text = new DeleteAccountCommand(ada, "Tr1angle!Sky").toString();

        assertThat(text).doesNotContain("Tr1angle!Sky").contains("password=****").contains("code=none")
                .contains(ada.toString());
    }

    @Test
    void aGivenCodeIsHiddenToo() {
        String text = new DeleteAccountCommand(ada, "Tr1angle!Sky", Optional.of("492817")).toString();

        assertThat(text).doesNotContain("Tr1angle!Sky").doesNotContain("492817").contains("code=****");
    }
}
