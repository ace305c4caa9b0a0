package com.smartconnect.application.notification;

import com.smartconnect.domain.device.DeviceEventType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** How an Event Notification names an event, and what it tells the reader to do about it. */
final class EventAdvice {

    private static final String CHECK_LOG = "Check the UPS status page and its Event Log in the SmartConnect portal.";
    private static final Map<DeviceEventType, String> ADVICE = new EnumMap<>(Map.ofEntries(
            Map.entry(DeviceEventType.ON_BATTERY, "The UPS lost its input power and runs on battery. Save your work "
                    + "and be ready to shut down the equipment if the power does not come back."),
            Map.entry(DeviceEventType.POWER_RESTORED, "Input power is back; the UPS recharges its battery."),
            Map.entry(DeviceEventType.BATTERY_LOW, "The battery is nearly empty: shut down the protected equipment now."),
            Map.entry(DeviceEventType.BATTERY_DISCHARGED, "The battery is empty: the equipment is no longer protected. "
                    + "Restore input power and let the battery recharge."),
            Map.entry(DeviceEventType.REPLACE_BATTERY, "The battery must be replaced. Order a replacement battery for "
                    + "this UPS, or ask your reseller."),
            Map.entry(DeviceEventType.SELF_TEST_PASSED, "Nothing to do."),
            Map.entry(DeviceEventType.SELF_TEST_FAILED, "Run the self-test again; if it fails again, the battery may "
                    + "need replacing."),
            Map.entry(DeviceEventType.OVERLOAD, "Too much equipment is connected: unplug non-essential equipment from "
                    + "the UPS."),
            Map.entry(DeviceEventType.OVERLOAD_CLEARED, "The load is back within the UPS's capacity."),
            Map.entry(DeviceEventType.OVER_TEMPERATURE, "The UPS is too hot: check its ventilation and the room "
                    + "temperature."),
            Map.entry(DeviceEventType.INPUT_VOLTAGE_OUT_OF_RANGE, "The input voltage is out of range; if this repeats, "
                    + "have the power supply checked or change the UPS sensitivity."),
            Map.entry(DeviceEventType.OUTPUT_OFF, "The UPS output is off: the connected equipment has no power."),
            Map.entry(DeviceEventType.BATTERY_DISCONNECTED, "The battery is disconnected: reconnect it, the equipment "
                    + "is not protected."),
            Map.entry(DeviceEventType.COMMUNICATION_LOST, "The UPS stopped reporting to SmartConnect: check its network "
                    + "connection and that it has power."),
            Map.entry(DeviceEventType.COMMUNICATION_RESTORED, "The UPS reports to SmartConnect again.")));

    private EventAdvice() {
    }

    /** The event's name for people: {@code ON_BATTERY} is "On battery". */
    static String title(String type) {
        String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What to do about an event of this type. */
    static String advice(String type) {
        return DeviceEventType.known(type).map(ADVICE::get).orElse(CHECK_LOG);
    }
}
