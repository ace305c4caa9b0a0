package com.smartconnect.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The manufacturing identity of one simulated UPS: Product ID, Product Key and device secret, all derived from a seed
 * and the device's number, so the same seed always names the same devices (and the catalog file written for them
 * matches the devices that later connect).
 */
public record DeviceIdentity(String productId, String productKey, String deviceSecret) {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_CHARACTERS = ALPHANUMERIC + "abcdefghijklmnopqrstuvwxyz";
    /** Product IDs are {@code SM} + 4 characters of the seed + a 6-digit device number: at most a million devices. */
    public static final int MAX_DEVICES = 1_000_000;

    public DeviceIdentity {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productKey, "productKey");
        Objects.requireNonNull(deviceSecret, "deviceSecret");
    }

    /** Device number {@code index} of the fleet of {@code seed}. */
    public static DeviceIdentity of(long seed, int index) {
        if (index < 0 || index >= MAX_DEVICES) {
            throw new IllegalArgumentException("device number out of range: " + index);
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String seedPart = random(new SplittableRandom(seed), ALPHANUMERIC, 4);
        String productId = "SM" + seedPart + String.format("%06d", index);
        return new DeviceIdentity(productId, random(random, ALPHANUMERIC, 14), random(random, SECRET_CHARACTERS, 40));
    }

    /** The first {@code count} devices of the fleet of {@code seed}. */
    public static List<DeviceIdentity> fleet(long seed, int count) {
        if (count < 0 || count > MAX_DEVICES) {
            throw new IllegalArgumentException("between 0 and " + MAX_DEVICES + " devices");
        }
        List<DeviceIdentity> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(of(seed, i));
        }
        return devices;
    }

    private static String random(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
