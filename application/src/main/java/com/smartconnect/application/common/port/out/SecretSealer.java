package com.smartconnect.application.common.port.out;

/**
 * Encrypts the secrets that must be read back (authenticator secrets) before they are stored, and decrypts them
 * when a code is checked: a copy of the database alone does not give anyone the codes of the users' apps.
 */
public interface SecretSealer {

    /**
     * The secret encrypted (and authenticated) as text fit for a database column, bound to {@code owner} (an account
     * id): a sealed value copied into another account's row does not open there.
     */
    String seal(byte[] secret, String owner);

    /**
     * The secret back from {@link #seal}; fails with an {@link IllegalArgumentException} if the text was not sealed
     * for {@code owner} with this sealer's key, or was altered.
     */
    byte[] unseal(String sealed, String owner);
}
