package org.habeas.common.internal;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.habeas.common.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Habeas on its own embedded PostgreSQL unless {@code HABEAS_DB_URL} names an external database, in which
 * case Spring Boot's ordinary data source (spring.datasource.*) is used and nothing is started here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${habeas.db.url:}'.isEmpty()")
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory,
                                      @Value("${habeas.db.durable:true}") boolean durable) throws IOException {
        return EmbeddedDatabase.start(dataDirectory, durable);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database, @Value("${habeas.db.pool-size:10}") int poolSize) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("habeas");
        return pool;
    }
}
