package com.smartconnect.adapters.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.QOM;

/**
 * Hears every INSERT, UPDATE, DELETE and MERGE that jOOQ runs into one of the watched tables, whichever repository
 * runs it, and tells its listeners (after the statement, inside the transaction that ran it). A cache over those
 * tables learns of each change this way without every present and future write having to remember it. Statements
 * run through plain JDBC ({@link KeyLists}) are not heard: none of them writes a watched table.
 */
final class TableWrites implements ExecuteListener {

    private final Set<String> watched;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    TableWrites(Collection<? extends Table<?>> watched) {
        this.watched = watched.stream().map(table -> table.getName().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    void onWrite(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (writesWatched(ctx.query()) || Arrays.stream(ctx.batchQueries()).anyMatch(this::writesWatched)) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean writesWatched(Query query) {
        Table<?> table = switch (query) {
            case QOM.Insert<?> insert -> insert.$into();
            case QOM.Update<?> update -> update.$table();
            case QOM.Delete<?> delete -> delete.$from();
            case QOM.Merge<?> merge -> merge.$into();
            case null, default -> null;
        };
        return table != null && watched.contains(table.getName().toLowerCase(Locale.ROOT));
    }
}
