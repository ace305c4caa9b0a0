package com.smartconnect.bootstrap.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the fuzzer's requests may hold what well-behaved clients
 * refuse to send (bad percent escapes, control characters in headers, bodies unlike their Content-Type), so they are
 * written byte for byte.
 */
final class RawHttp {

    record Request(String method, String target, List<String[]> headers, byte[] body) {

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(target, 300));
            for (String[] header : headers) {
                text.append("\n  ").append(header[0]).append(": ").append(shorten(header[1], 200));
            }
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(shorten(new String(body, StandardCharsets.ISO_8859_1), 400));
            }
            return text.toString();
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String mediaType() {
            return contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Response send(Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            head.writeBytes(("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            for (String[] header : request.headers()) {
                head.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] body = request.body() == null ? new byte[0] : request.body();
            if (request.body() != null) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // A server may answer (413, 414, 431) and close before the whole request is written: its answer is
                // still read.
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete answer: " + shorten(new String(all, StandardCharsets.ISO_8859_1), 200));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length),
                    "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            at += lineEnd + 2;
            if (length == 0) {
                break;
            }
            out.write(chunked, at, Math.min(length, chunked.length - at));
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String shorten(String text, int max) {
        String printable = text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : Character.toString(c)).collect(java.util.stream.Collectors.joining());
        return printable.length() <= max ? printable : printable.substring(0, max) + "...(" + printable.length() + ")";
    }
}
