package com.smartconnect.adapters.persistence;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Queries of the form "the key is one of these", for the statements the MQTT endpoint's group commit runs with every
 * batch. On PostgreSQL they become {@code key = ANY(array)} with the text rendered once: the same text whatever the
 * number of keys, so the driver prepares it on the server once per connection, instead of jOOQ rendering and the
 * server parsing and planning a new text for every batch (an {@code IN} list of 37 keys is another statement than one
 * of 38). On H2 they stay {@code IN} lists, which H2 looks up in the key's index.
 */
final class KeyLists {

    private KeyLists() {
    }

    static boolean postgres(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    /** A SELECT of fixed columns whose only bind value is the list of keys. Thread-safe. */
    static final class Select {

        private final Field<String> key;
        private final List<Field<?>> columns;
        private final Function<Condition, ResultQuery<Record>> shape;
        /** The PostgreSQL text, rendered at the first use. */
        private volatile String postgresSql;

        /** {@code shape} builds the SELECT of {@code columns} for a condition on {@code key}, with no other binds. */
        Select(Field<String> key, List<Field<?>> columns, Function<Condition, ResultQuery<Record>> shape) {
            this.key = key;
            this.columns = List.copyOf(columns);
            this.shape = shape;
        }

        ResultQuery<Record> among(DSLContext dsl, Collection<String> values) {
            if (!postgres(dsl)) {
                return attached(dsl, shape.apply(key.in(values)));
            }
            String sql = postgresSql;
            if (sql == null) {
                sql = dsl.render(shape.apply(key.eq(DSL.any(new String[0]))));
                postgresSql = sql;
            }
            return dsl.resultQuery(sql, (Object) values.toArray(String[]::new)).coerce(columns);
        }

        private static ResultQuery<Record> attached(DSLContext dsl, ResultQuery<Record> query) {
            query.attach(dsl.configuration());
            return query;
        }
    }
}
