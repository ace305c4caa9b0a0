package com.smartconnect.application.port.out;

/**
 * Encrypts the secrets that must be read back (authenticator secrets) before they are stored, and decrypts them
 * when a code is checked: a copy of the database alone does not give anyone the codes of the users' apps.
 */
public interface SecretSealer {

    /** The secret encrypted (and authenticated) as text fit for a database column. */
    String seal(byte[] secret);

    /** The secret back from {@link #seal}; fails if the text was not sealed with this sealer's key or was altered. */
    byte[] unseal(String sealed);
}
