package com.smartconnect.adapters.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads the QR code of a photo of a UPS label (PNG or JPEG): decoded with {@code javax.imageio}, then ZXing's core
 * reader over the pixels (ZXing's {@code javase} module is not needed for that). The portal reads the frames of its
 * camera scanner and its photo uploads with it as well.
 */
public final class LabelPhoto {

    /** The largest photo accepted; a phone's photo of a label is well under it. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Pixels in all; more is refused before ImageIO allocates them (a tiny PNG may claim huge dimensions). */
    private static final long MAX_PIXELS = 40_000_000L;

    private LabelPhoto() {
    }

    /** Whether the bytes start as a PNG or a JPEG does. */
    public static boolean isPngOrJpeg(byte[] bytes) {
        boolean png = bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
        return png || jpeg;
    }

    /** The text of the QR code in the photo; empty when the image cannot be read or shows no readable code. */
    public static Optional<String> qrText(byte[] bytes) {
        BufferedImage image;
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return Optional.empty();
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (image == null) {
            return Optional.empty();
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE));
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, height, pixels))), hints).getText());
        } catch (NotFoundException none) {
            // The reader tries every format and answers NotFoundException for a photo none of them can read.
            return Optional.empty();
        }
    }
}
