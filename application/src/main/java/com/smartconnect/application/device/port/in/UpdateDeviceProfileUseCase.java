package com.smartconnect.application.device.port.in;

/** The owner changes a UPS profile: name, description, time zone, notifications. */
public interface UpdateDeviceProfileUseCase {

    DeviceChangeResult updateProfile(UpdateDeviceProfileCommand command);
}
