package ch.optout.search;

/** A passage and how well it answers a query; scores compare only within one result list. */
public record ScoredPassage(Passage passage, double score) {}
