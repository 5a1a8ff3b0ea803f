package org.habeas.rights.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.habeas.rights.Occasion;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long after the occasion each notification is due: {@code habeas.rights.deadline.<occasion>} (ISO-8601
 * durations, e.g. {@code habeas.rights.deadline.death=PT2H}). The defaults read "at once" in Mandela Rules 68 and 69
 * as the same working day: a death or a move to hospital within hours, the rest within a day.
 */
@Component
public class NotificationPolicy {

    private static final Map<Occasion, Duration> DEFAULTS = Map.of(
            Occasion.ADMISSION, Duration.ofHours(24), Occasion.TRANSFER, Duration.ofHours(24),
            Occasion.RELEASE, Duration.ofHours(24), Occasion.REMOVAL, Duration.ofHours(24),
            Occasion.HANDOVER, Duration.ofHours(24), Occasion.DEATH, Duration.ofHours(4),
            Occasion.ILLNESS, Duration.ofHours(12), Occasion.INJURY, Duration.ofHours(12),
            Occasion.HOSPITAL, Duration.ofHours(6));

    private final Map<Occasion, Duration> deadlines = new EnumMap<>(Occasion.class);

    NotificationPolicy(Environment environment) {
        for (Occasion occasion : Occasion.values()) {
            deadlines.put(occasion, environment.getProperty("habeas.rights.deadline." + occasion.name().toLowerCase(),
                    Duration.class, DEFAULTS.get(occasion)));
        }
    }

    public Duration deadline(Occasion occasion) {
        return deadlines.get(occasion);
    }
}
