package ch.optout.cli;

import java.util.function.BooleanSupplier;

/** What the replica does, for the health endpoints: set by the main thread, read by others. */
final class RunState {
  private volatile HealthServer.Role role = HealthServer.Role.STARTING;
  private volatile BooleanSupplier polling = () -> false;

  void set(HealthServer.Role role) {
    this.role = role;
  }

  void lead(BooleanSupplier polling) {
    this.polling = polling;
    this.role = HealthServer.Role.LEADER;
  }

  /** A leader whose polling ended (lock lost, or a failure) is no longer ready. */
  HealthServer.Role now() {
    HealthServer.Role r = role;
    return r == HealthServer.Role.LEADER && !polling.getAsBoolean() ? HealthServer.Role.STOPPED : r;
  }
}
