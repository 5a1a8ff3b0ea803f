package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.habeas.common.ErrorCode;
import org.junit.jupiter.api.Test;

/** Problem codes are a published contract: once listed they are never renamed or removed. */
class PublishedErrorCodesTest {

    @Test
    void publishedCodesNeverDisappear() throws IOException {
        var published = Files.readAllLines(Path.of("src/test/resources/published-error-codes.txt")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name).toList()).containsAll(published);
    }
}
