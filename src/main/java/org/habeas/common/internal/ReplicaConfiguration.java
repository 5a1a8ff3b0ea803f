package org.habeas.common.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code HABEAS_DB_REPLICA_URL} set, wraps the application's DataSource (embedded or external) in a
 * {@link RoutedDataSource} holding a second pool for the replica. The replica pool connects lazily and gives up on a
 * connection after two seconds, so a replica that is down delays nothing at start and little afterwards.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

    @Bean
    static BeanPostProcessor replicaRouting(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                String url = environment.getProperty("habeas.db.replica.url", "");
                if (!"dataSource".equals(name) || !(bean instanceof DataSource primary) || url.isBlank()) {
                    return bean;
                }
                var replica = new HikariDataSource();
                replica.setJdbcUrl(url);
                replica.setUsername(environment.getProperty("habeas.db.replica.user", ""));
                replica.setPassword(environment.getProperty("habeas.db.replica.password", ""));
                replica.setMaximumPoolSize(environment.getProperty("habeas.db.replica.pool-size", Integer.class, 10));
                replica.setPoolName("habeas-replica");
                replica.setReadOnly(true);
                replica.setConnectionTimeout(2_000);
                replica.setValidationTimeout(1_000);
                replica.setInitializationFailTimeout(-1);
                return new RoutedDataSource(primary, replica);
            }
        };
    }
}
