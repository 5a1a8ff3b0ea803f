package org.habeas.custody.placement;

import java.util.Set;
import java.util.UUID;

/**
 * A person who would move: where they are held now (the cell, when in one), their separation category, and the
 * groups they are alleged to belong to (standing allegations: what {@code cell_group_count} counts them under).
 */
public record Mover(UUID person, String facility, String destination, UUID cell, SeparationCategory category,
                    Set<String> groups) {
}

