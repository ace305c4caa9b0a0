package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the reading of one label photo costs at worst, and that bounding it still reads real photos. */
class LabelPhotoTest {

    @Test
    void aPhotoTiledEdgeToEdgeWithFinderPatternsIsGivenUpWithinSeconds() throws IOException {
        byte[] tiled = LabelPhotoLatencyTest.finderPatternPhoto(4000, 3000, 4000);

        // Unbounded, the reader weighs these thousands of look-alike patterns against each other for minutes; the
        // bound is generous as the machine running the tests may be busy.
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> LabelPhoto.qrText(tiled))).isEmpty();
    }

    @Test
    void aLargePhotoOfALabelIsReadAtTheBoundedSize() throws IOException {
        String url = WebApiFixture.qrUrl("AS2104000003");
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(WebApiFixture.qrPng(url)));
        BufferedImage photo = new BufferedImage(6000, 4500, BufferedImage.TYPE_INT_RGB);
        Graphics2D label = photo.createGraphics();
        label.setColor(new Color(0xDDDDD0));
        label.fillRect(0, 0, 6000, 4500);
        label.setColor(Color.WHITE);
        label.fillRect(3000, 1500, 900, 900);
        label.drawImage(code, 3150, 1650, 600, 600, null);
        label.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);

        BufferedImage read = LabelPhoto.image(jpeg.toByteArray());
        assertThat(Math.max(read.getWidth(), read.getHeight())).isEqualTo(LabelPhoto.MAX_SIDE);
        assertThat(LabelPhoto.qrText(jpeg.toByteArray())).contains(url);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutAllocatingItsPixels() throws IOException {
        byte[] bomb = blackAndWhitePng(30_000, 30_000);
        assertThat(bomb.length).as("a small file").isLessThan(LabelPhoto.MAX_BYTES);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThat(LabelPhoto.qrText(bomb)).isEmpty();

        // Its pixels, even packed one bit each, would take over 100 MB.
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L * 1024 * 1024);
    }

    /** A valid PNG of one bit per pixel, all black: its rows of zeros compress a thousandfold. */
    private static byte[] blackAndWhitePng(int width, int height) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {1, 0, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
