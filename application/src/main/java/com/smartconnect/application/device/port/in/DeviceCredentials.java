package com.smartconnect.application.device.port.in;

/**
 * What a device presents when it connects: client id, user name and password (the Product ID twice, and the device
 * secret). Any of them may be missing (null) or wrong.
 */
public record DeviceCredentials(String clientId, String username, String password) {

    @Override
    public String toString() {
        return "DeviceCredentials[clientId=" + clientId + ", username=" + username + ", password=****]";
    }
}
