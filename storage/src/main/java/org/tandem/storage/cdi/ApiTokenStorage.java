package org.tandem.storage.cdi;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.tandem.domain.apitoken.ApiTokenRepository;
import org.tandem.storage.jdbc.JdbcApiTokens;
import org.tandem.storage.lifecycle.StorageSettings;

import javax.sql.DataSource;

/** Hands the API tokens' repository to the EAR: plain JDBC on the node's datasource, writing this node's use rows. */
@ApplicationScoped
public class ApiTokenStorage {

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    @Produces
    ApiTokenRepository apiTokens() {
        return new JdbcApiTokens(dataSource, StorageSettings.from(System.getProperties()).thisNode().name());
    }
}
