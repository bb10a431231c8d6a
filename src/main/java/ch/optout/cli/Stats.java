package ch.optout.cli;

import java.util.Arrays;

/** Percentiles of a sample of durations, in milliseconds. */
record Stats(double[] sortedMs) {
  static Stats of(double[] ms) {
    double[] copy = ms.clone();
    Arrays.sort(copy);
    return new Stats(copy);
  }

  double percentile(double p) {
    if (sortedMs.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedMs.length) - 1;
    return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, index))];
  }

  double mean() {
    return Arrays.stream(sortedMs).average().orElse(Double.NaN);
  }
}
