package org.habeas.estate;

/** One location of the tree with the figures of everything under it (itself, for a cell). */
public record LevelFigures(Location location, Figures figures) {
}
