package com.smartconnect.adapters.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, as a hostile client writes them: what {@link java.net.http.HttpClient}
 * refuses to send (broken escapes, invented methods, a wrong {@code Content-Length}) reaches the server as is.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * The answer, or {@link Reply#NONE} when the server neither answered nor closed within the time given;
     * {@code closedByServer} when the server closed the connection after it.
     */
    record Reply(int status, Map<String, String> headers, String body, boolean closedByServer) {

        static final Reply NONE = new Reply(-1, Map.of(), "", false);

        /** A header by its name in any case, or null. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            return "application/problem+json".equals(header("Content-Type"));
        }

        boolean isPage() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/html");
        }
    }

    /** Sends {@code request} on a new connection and reads until the server closes it. */
    static Reply exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    static Reply exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            boolean closed = true;
            try {
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    received.write(chunk, 0, n);
                }
            } catch (SocketTimeoutException e) {
                if (received.size() == 0) {
                    return Reply.NONE;
                }
                closed = false;
            } catch (IOException e) {
                // A reset after the answer: what was read is the answer.
                if (received.size() == 0) {
                    throw e;
                }
            }
            return parse(received.toString(StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with {@code Connection: close}, the given headers (name, value, ...) and body. */
    static String request(String method, String target, String body, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        request.append("\r\n");
        if (body != null) {
            request.append(body);
        }
        return request.toString();
    }

    private static Reply parse(String text, boolean closed) {
        if (text.isEmpty()) {
            return new Reply(-1, Map.of(), "", closed);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        String rest = headEnd < 0 ? "" : text.substring(headEnd + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        String body = length == null ? rest : rest.substring(0, Math.min(rest.length(), Integer.parseInt(length)));
        return new Reply(status, headers, body, closed);
    }
}
