package ch.optout.telegram;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A chat's queue of calls for the {@link Sender}; it exists in the sender's map exactly while a
 * pump for it is scheduled or running. Callers hold its lock.
 */
final class SendLane {
  final ArrayDeque<Job> jobs = new ArrayDeque<>();

  /** One queued call and its retry state; only the lane's pump touches it. */
  static final class Job {
    final Outgoing queued;
    Outgoing call;
    final Optional<Delivery> delivery;
    int failures;
    Instant notBefore = Instant.EPOCH;
    Optional<Instant> slot = Optional.empty();

    Job(Outgoing call, Optional<Delivery> delivery) {
      this.queued = call;
      this.call = call;
      this.delivery = delivery;
    }

    void done(String outcome) {
      delivery.ifPresent(d -> d.done(outcome));
    }
  }

  /**
   * Adds a job behind the lane's others. A rewrite of a message replaces the same kind of rewrite
   * of that message still waiting (only the latest matters); a lane of {@code max} jobs takes no
   * more.
   *
   * @param dropped gets the jobs that will not be sent, {@code job} among them when refused
   * @return false when the lane was full
   */
  boolean add(Job job, int max, List<Job> dropped) {
    OptionalInt edited = editedMessage(job.call);
    if (edited.isPresent()) {
      // the head may be under way: only the jobs behind it are replaced
      Job head = jobs.peek();
      for (Iterator<Job> it = jobs.iterator(); it.hasNext(); ) {
        Job waiting = it.next();
        if (waiting != head
            && waiting.call.getClass() == job.call.getClass()
            && editedMessage(waiting.call).equals(edited)) {
          it.remove();
          dropped.add(waiting);
        }
      }
    }
    if (!job.call.paced() && !jobs.isEmpty()) {
      // "typing…" behind messages still waiting would show after them: stale, and it would take a
      // place in the lane
      dropped.add(job);
      return true;
    }
    if (jobs.size() >= max) {
      dropped.add(job);
      return false;
    }
    jobs.add(job);
    return true;
  }

  /** The message a call rewrites (text or buttons), if it is such a call. */
  private static OptionalInt editedMessage(Outgoing call) {
    if (call instanceof Outgoing.EditText e) {
      return OptionalInt.of(e.messageId());
    }
    if (call instanceof Outgoing.EditKeyboard e) {
      return OptionalInt.of(e.messageId());
    }
    return OptionalInt.empty();
  }
}
