package com.smartconnect.application.account.registration.port.out;

import java.util.Optional;

/** Checks the token of an "I am not a robot" captcha. */
public interface CaptchaVerifier {

    /** Whether the token proves a solved captcha; {@code remoteAddress} is the client's address, if known. */
    boolean verify(String token, Optional<String> remoteAddress);
}
