package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.account.Company;
import org.junit.jupiter.api.Test;

abstract class MigrationContract extends DatabaseContract {

    /** Every start of the portal migrates; on a database that is up to date, that must keep what it holds. */
    @Test
    void migratingAnUpToDateDatabaseAgainKeepsItsData() {
        Company company = Examples.company();
        database.companies().add(company);

        Database again = Database.migrate(testDatabase.dataSource());

        assertThat(again.companies().findById(company.id())).contains(company);
    }
}
