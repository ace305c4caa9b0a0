package com.smartconnect.bootstrap;

import java.util.Locale;

/**
 * The database and the mail transport an instance uses, in words for its start-up line. Built from the parts of a
 * JDBC URL that say where, never from its credentials or parameters: a URL may carry {@code password=...}.
 */
final class StartupSummary {

    private StartupSummary() {
    }

    static String database(Configuration configuration, boolean handedIn) {
        if (handedIn) {
            return "database handed in by the embedding application";
        }
        return configuration.dbUrl().map(StartupSummary::databaseAt)
                .orElseGet(() -> "database H2 file " + configuration.dataDir().resolve("smartconnect"));
    }

    static String mail(Configuration configuration, boolean handedIn) {
        if (handedIn) {
            return "mail: the embedding application's transport";
        }
        return configuration.smtpHost()
                .map(host -> "mail: SMTP " + host + ":" + configuration.smtpPort() + " ("
                        + configuration.smtpTls().toLowerCase(Locale.ROOT)
                        + configuration.smtpUser().map(user -> ", user " + user).orElse(", no login") + ")")
                .orElseGet(() -> "mail: .eml files in " + configuration.mailDir());
    }

    /** "PostgreSQL smartconnect on db.example:5432" from jdbc:postgresql://user:secret@db.example:5432/smartconnect?... */
    static String databaseAt(String jdbcUrl) {
        String url = withoutParameters(jdbcUrl);
        String rest = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        int colon = rest.indexOf(':');
        String kind = colon < 0 ? rest : rest.substring(0, colon);
        String where = colon < 0 ? "" : rest.substring(colon + 1);
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> "database PostgreSQL " + hostAndDatabase(where);
            case "h2" -> "database H2 " + h2(where);
            default -> "database " + kind + " " + hostAndDatabase(where);
        };
    }

    private static String h2(String where) {
        if (where.startsWith("mem:")) {
            return "in memory " + where.substring("mem:".length());
        }
        if (where.startsWith("file:")) {
            return "file " + where.substring("file:".length());
        }
        if (where.startsWith("tcp:") || where.startsWith("ssl:")) {
            return "server " + hostAndDatabase(where.substring(where.indexOf(':') + 1));
        }
        return "file " + where;
    }

    private static String hostAndDatabase(String where) {
        if (!where.startsWith("//")) {
            return where.isEmpty() ? "(default)" : where + " on localhost";
        }
        String authority = where.substring(2);
        int slash = authority.indexOf('/');
        String database = slash < 0 ? "" : authority.substring(slash + 1);
        String hosts = slash < 0 ? authority : authority.substring(0, slash);
        // user:password@host: only the host.
        hosts = hosts.substring(hosts.lastIndexOf('@') + 1);
        return (database.isEmpty() ? "" : database + " on ") + (hosts.isEmpty() ? "localhost" : hosts);
    }

    // JDBC drivers take parameters after '?' (PostgreSQL) or ';' (H2, others); any of them may be a password.
    private static String withoutParameters(String jdbcUrl) {
        int end = jdbcUrl.length();
        for (char separator : new char[] {'?', ';', '&'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return jdbcUrl.substring(0, end);
    }
}
