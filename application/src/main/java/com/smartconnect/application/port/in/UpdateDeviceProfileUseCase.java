package com.smartconnect.application.port.in;

/** The owner changes a UPS profile: name, description, time zone, notifications. */
public interface UpdateDeviceProfileUseCase {

    DeviceChangeResult updateProfile(UpdateDeviceProfileCommand command);
}
