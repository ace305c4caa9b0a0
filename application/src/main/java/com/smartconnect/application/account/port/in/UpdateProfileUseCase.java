package com.smartconnect.application.account.port.in;

/**
 * Changes the logged-in user's name, location, language, phone and job role, and the details of their company.
 * (The e-mail address and the password have use cases of their own.)
 */
public interface UpdateProfileUseCase {

    UpdateProfileResult update(UpdateProfileCommand command);
}
