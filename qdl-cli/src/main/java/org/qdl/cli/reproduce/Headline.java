package org.qdl.cli.reproduce;

/**
 * A study's headline: the claim, whether this run supports it, and the measured figures that
 * decide it. Each check is one a broken model cannot pass (a slope, an exact agreement, an
 * accuracy floor well above chance).
 */
public record Headline(String claim, boolean holds, String measured) {
}
