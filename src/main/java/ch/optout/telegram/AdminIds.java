package ch.optout.telegram;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Telegram user ids allowed the admin commands (OPTOUT_ADMIN_IDS). A user id, not a chat id: it
 * is the person who counts, and they use the commands in their private chat with the bot.
 */
public record AdminIds(Set<Long> ids) {
  public static final AdminIds NONE = new AdminIds(Set.of());

  public AdminIds {
    ids = Set.copyOf(ids);
  }

  /**
   * @param text user ids separated by commas, e.g. {@code "12345678, 87654321"}; blank for none
   * @throws IllegalArgumentException naming the part that is not a user id
   */
  public static AdminIds parse(String text) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!id.matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException(
            "takes Telegram user ids (digits) separated by commas; '"
                + (id.length() > 30 ? id.substring(0, 30) + "…" : id)
                + "' is not one");
      }
      try {
        ids.add(Long.parseLong(id));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("takes Telegram user ids; '" + id + "' is too large", e);
      }
    }
    return new AdminIds(ids);
  }

  boolean contains(Long userId) {
    return userId != null && ids.contains(userId);
  }

  /** How many, never who: ids stay out of logs. */
  @Override
  public String toString() {
    return "AdminIds[" + ids.size() + "]";
  }
}
