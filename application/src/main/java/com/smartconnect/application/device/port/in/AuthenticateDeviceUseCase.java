package com.smartconnect.application.device.port.in;

/** Checks a connecting device's credentials against the device catalog; called on every connect (hot path). */
public interface AuthenticateDeviceUseCase {

    DeviceAuthentication authenticate(DeviceCredentials credentials);
}
