package ch.optout.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarlierRepliesTest {
  private static final long CHAT = 42;

  private static Outgoing.Text text(String s) {
    return new Outgoing.Text(CHAT, Optional.empty(), s, true, Optional.empty(), Optional.empty());
  }

  @Test
  void of_beforeEveryMessageIsSent_knowsTheFingerprintButNoIds() {
    EarlierReplies earlier = new EarlierReplies();
    Outgoing.Text a = text("same");
    Outgoing.Text b = text("same");
    earlier.answered(CHAT, 7, List.of(a, b), 99);

    earlier.sent(b, 501);

    EarlierReplies.Earlier known = earlier.of(CHAT, 7).orElseThrow();
    assertThat(known.fingerprint()).isEqualTo(99);
    assertThat(known.messageIds()).isEmpty();
  }

  @Test
  void sent_equalCalls_areToldApartByIdentity() {
    EarlierReplies earlier = new EarlierReplies();
    Outgoing.Text a = text("same");
    Outgoing.Text b = text("same");
    earlier.answered(CHAT, 7, List.of(a, b), 99);

    earlier.sent(b, 502);
    earlier.sent(a, 501);

    assertThat(earlier.of(CHAT, 7).orElseThrow().messageIds()).contains(List.of(501, 502));
  }

  @Test
  void sent_aCallOfNoKnownAnswer_isIgnored() {
    EarlierReplies earlier = new EarlierReplies();

    earlier.sent(text("welcome"), 1);

    assertThat(earlier.of(CHAT, 1)).isEmpty();
  }

  @Test
  void rewritten_keepsTheIdsAndTakesTheNewFingerprint() {
    EarlierReplies earlier = new EarlierReplies();
    Outgoing.Text a = text("one");
    earlier.answered(CHAT, 7, List.of(a), 1);
    earlier.sent(a, 501);

    earlier.rewritten(CHAT, 7, 2);

    assertThat(earlier.of(CHAT, 7))
        .contains(new EarlierReplies.Earlier(2, Optional.of(List.of(501))));
  }

  @Test
  void answered_pastCapacity_forgetsTheLeastRecentlyUsed() {
    EarlierReplies earlier = new EarlierReplies(2);
    earlier.answered(CHAT, 1, List.of(text("1")), 1);
    earlier.answered(CHAT, 2, List.of(text("2")), 2);
    earlier.of(CHAT, 1);

    earlier.answered(CHAT, 3, List.of(text("3")), 3);

    assertThat(earlier.of(CHAT, 1)).isPresent();
    assertThat(earlier.of(CHAT, 2)).isEmpty();
    assertThat(earlier.of(CHAT, 3)).isPresent();
  }

  @Test
  void fingerprint_sameChunksAndButtons_areEqual_otherwiseDiffer() {
    long one = EarlierReplies.fingerprint(List.of("a", "b"), Optional.empty());

    assertThat(EarlierReplies.fingerprint(List.of("a", "b"), Optional.empty())).isEqualTo(one);
    assertThat(EarlierReplies.fingerprint(List.of("ab"), Optional.empty())).isNotEqualTo(one);
    assertThat(EarlierReplies.fingerprint(List.of("a", "c"), Optional.empty())).isNotEqualTo(one);
  }
}
