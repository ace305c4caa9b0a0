package com.smartconnect.adapters.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ResultPoint;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;

/**
 * Reads the QR code of a photo of a UPS label (PNG or JPEG): decoded with {@code javax.imageio}, then ZXing's core
 * reader over the pixels (ZXing's {@code javase} module is not needed for that). The portal reads the frames of its
 * camera scanner and its photo uploads with it as well.
 */
public final class LabelPhoto {

    /** The largest photo accepted; a phone's photo of a label is well under it. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Pixels in all; more is refused before ImageIO allocates them (a tiny PNG may claim huge dimensions). */
    static final long MAX_PIXELS = 40_000_000L;
    /**
     * The longer side, in pixels, a photo is read at: a label's code filling a tenth of the picture's width still has
     * modules of several pixels then, and one photo's search stays within a second or two of processor time.
     */
    static final int MAX_SIDE = 2048;
    /** Possible finder (and alignment) patterns the search weighs at most: a label shows three, and a few look-alikes. */
    static final int MAX_CANDIDATES = 150;

    private LabelPhoto() {
    }

    /** Whether the bytes start as a PNG or a JPEG does. */
    public static boolean isPngOrJpeg(byte[] bytes) {
        boolean png = bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
        return png || jpeg;
    }

    /**
     * The text of the QR code in the photo; empty when the image cannot be read or shows no readable code.
     *
     * <p>The reader cannot be interrupted, so the work of one photo is bounded before it starts: an image that
     * claims more than {@link #MAX_PIXELS} is refused from its header alone, a larger one is read at most
     * {@link #MAX_SIDE} pixels on its longer side, and the search gives up after {@link #MAX_CANDIDATES} possible
     * finder patterns, as a photo tiled with them would otherwise have the reader weigh every three of them against
     * each other for minutes.
     */
    public static Optional<String> qrText(byte[] bytes) {
        BufferedImage image = image(bytes);
        if (image == null) {
            return Optional.empty();
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.NEED_RESULT_POINT_CALLBACK, new CandidateBudget());
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, height, pixels))), hints).getText());
        } catch (NotFoundException | TooManyCandidates none) {
            // The reader answers NotFoundException for a photo it cannot read.
            return Optional.empty();
        }
    }

    /**
     * The photo, its longer side at most {@link #MAX_SIDE}; null when it cannot be read or claims too many pixels.
     * A large photo is first read skipping rows and columns (so that a 40-megapixel one never takes 160 MB), then
     * scaled smoothly the rest of the way, which keeps the edges of the code's modules.
     */
    static BufferedImage image(byte[] bytes) {
        BufferedImage image;
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        if (image == null) {
            return null;
        }
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer <= MAX_SIDE) {
            return image;
        }
        int width = Math.max(1, (int) ((long) image.getWidth() * MAX_SIDE / longer));
        int height = Math.max(1, (int) ((long) image.getHeight() * MAX_SIDE / longer));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    /** Stops the search once it has found more possible finder and alignment patterns than a label shows. */
    private static final class CandidateBudget implements ResultPointCallback {

        private int found;

        @Override
        public void foundPossibleResultPoint(ResultPoint point) {
            if (++found > MAX_CANDIDATES) {
                throw new TooManyCandidates();
            }
        }
    }

    /** Thrown through the reader, which lets unchecked exceptions of its callback pass. */
    private static final class TooManyCandidates extends RuntimeException {

        TooManyCandidates() {
            super("too many possible finder patterns", null, false, false);
        }
    }
}
