package org.habeas.custody;

import java.time.Instant;

/** When, where and by whom the person was deprived of liberty (REQ-04(b), REQ-08(b)); any part may be unknown. */
public record Arrest(Instant at, String place, String authority) {
}
