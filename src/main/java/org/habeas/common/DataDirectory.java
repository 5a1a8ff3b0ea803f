package org.habeas.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where Habeas keeps what must survive a restart on this machine: the embedded database and, unless
 * configured otherwise, the journal signing key. {@code HABEAS_DATA_DIR}, default {@code ./habeas-data}.
 */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(@Value("${habeas.data-dir}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + this.root, e);
        }
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    public Path root() {
        return root;
    }
}
