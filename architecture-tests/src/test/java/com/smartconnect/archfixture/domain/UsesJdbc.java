package com.smartconnect.archfixture.domain;

/** Breaks: domain depends on the JDK only; no framework or JDBC in the core; no cycles (domain to application). */
public class UsesJdbc {
    java.sql.Connection connection;
    com.smartconnect.archfixture.application.Prints application;
    com.smartconnect.archfixture.bootstrap.Wiring wiring;
}
