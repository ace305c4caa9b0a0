package com.smartconnect.adapters.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code as a black-and-white PNG: ZXing encodes the text into modules, and each module becomes a square of
 * {@link #MODULE_PIXELS} pixels, so the image is sharp at any zoom a phone's camera needs. The API serves it, and the
 * portal's two-factor page shows it in the page.
 */
public final class QrCodePng {

    /** Pixels per side of one module. */
    static final int MODULE_PIXELS = 8;
    /** The white border, in modules, that the QR standard asks for so scanners find the code. */
    static final int QUIET_ZONE_MODULES = 4;

    private static final int BLACK = 0;
    private static final int WHITE = 1;

    private QrCodePng() {
    }

    /** The PNG of {@code text} as a QR code. */
    public static byte[] of(String text) {
        BitMatrix modules = encode(text);
        int width = modules.getWidth() * MODULE_PIXELS;
        int height = modules.getHeight() * MODULE_PIXELS;
        // One bit per pixel, 0 black and 1 white in the default palette of this image type.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, modules.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PNG in memory", e);
        }
        return png.toByteArray();
    }

    /** One bit per module, the quiet zone included (a size of 0 asks ZXing for the smallest matrix). */
    private static BitMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            // Only text beyond a QR code's capacity (about 2 KB) fails, which an otpauth URI never is.
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
    }
}
