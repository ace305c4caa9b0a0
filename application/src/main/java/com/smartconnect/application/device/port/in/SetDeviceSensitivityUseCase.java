package com.smartconnect.application.device.port.in;

/** Sets a UPS's sensitivity: kept on the registration and sent to the device as a command. */
public interface SetDeviceSensitivityUseCase {

    DeviceCommandResult setSensitivity(SetDeviceSensitivityCommand command);
}
