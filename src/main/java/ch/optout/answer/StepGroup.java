package ch.optout.answer;

import java.util.List;
import java.util.Objects;

/** Numbered steps for one device or route, e.g. "Web" or "Mobile app". */
public record StepGroup(String label, List<String> steps) {
  public StepGroup {
    Objects.requireNonNull(label, "label");
    steps = List.copyOf(steps);
  }
}
