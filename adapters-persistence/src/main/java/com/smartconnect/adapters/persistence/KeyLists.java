package com.smartconnect.adapters.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Queries of the form "the key is one of these", for the statements the MQTT endpoint's group commit runs with every
 * batch: {@code key = ANY(array)} with the text rendered once and run through JDBC. The same text whatever the number
 * of keys, so PostgreSQL's driver prepares it on the server once per connection and H2 finds it in its session's
 * query cache, instead of jOOQ rendering and the database parsing and planning a new text for every batch (an
 * {@code IN} list of 37 keys is another statement than one of 38); jOOQ's rendering and binding took a fifth of the
 * committer's time in a profile (BENCHMARKS.md). Both databases look the keys up in the key's index (H2 2.3 plans
 * {@code = ANY(?)} as an {@code IN} list on the index).
 */
final class KeyLists {

    private KeyLists() {
    }

    /** The keys as an SQL {@code varchar} array, encoded by the driver. */
    static Array array(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray(String[]::new));
    }

    /**
     * A SELECT of fixed columns whose only bind value is the list of keys. Thread-safe; one per repository instance,
     * since its text is rendered for that database's dialect.
     */
    static final class Select {

        private final Field<String> key;
        private final List<Field<?>> columns;
        private final Function<Condition, ResultQuery<Record>> shape;
        /** The text, rendered at the first use (one database per {@link Database}, so one dialect). */
        private volatile String rendered;

        /** {@code shape} builds the SELECT of {@code columns} for a condition on {@code key}, with no other binds. */
        Select(Field<String> key, List<Field<?>> columns, Function<Condition, ResultQuery<Record>> shape) {
            this.key = key;
            this.columns = List.copyOf(columns);
            this.shape = shape;
        }

        /** The rows of the keys among {@code values}, run through JDBC, without jOOQ rendering it again. */
        Iterable<Record> among(DSLContext dsl, Collection<String> values) {
            String sql = rendered;
            if (sql == null) {
                // Plain SQL, not DSL.any(): jOOQ writes that out as an IN list of the values on H2.
                sql = dsl.render(shape.apply(DSL.condition("{0} = ANY({1})", key,
                        DSL.param("keys", SQLDataType.VARCHAR.array()))));
                rendered = sql;
            }
            String text = sql;
            return dsl.connectionResult(connection -> {
                try (PreparedStatement select = connection.prepareStatement(text)) {
                    select.setArray(1, array(connection, values));
                    try (ResultSet rows = select.executeQuery()) {
                        return dsl.fetch(rows, columns.toArray(Field<?>[]::new));
                    }
                }
            });
        }
    }
}
