package org.habeas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HabeasApplication {

    public static void main(String[] args) {
        SpringApplication.run(HabeasApplication.class, args);
    }
}
