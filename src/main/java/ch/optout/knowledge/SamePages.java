package ch.optout.knowledge;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page, one address: two addresses that differ only by "www.", a trailing slash, a fragment or
 * click-tracking parameters are the same page, and citing both makes sources look different when
 * they are not.
 */
final class SamePages {
  private final List<String> tracking;

  SamePages(RuleList trackingParameters) {
    this.tracking =
        trackingParameters.texts().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
  }

  static SamePages bundled() {
    return new SamePages(RuleList.bundled("tracking-parameters.txt"));
  }

  /** Warns once for each address of a page cited before under another address. */
  void check(List<Guide> documents, List<Problem> problems) {
    Map<String, Map<String, String>> filesByAddressByPage = new LinkedHashMap<>();
    for (Guide guide : documents) {
      if (guide.kind() == DocumentKind.DOCUMENT) {
        continue;
      }
      for (Source source : guide.sources()) {
        filesByAddressByPage
            .computeIfAbsent(page(source.url()), k -> new LinkedHashMap<>())
            .putIfAbsent(source.url().toString(), guide.file());
      }
    }
    for (Map<String, String> addresses : filesByAddressByPage.values()) {
      List<Map.Entry<String, String>> list = new ArrayList<>(addresses.entrySet());
      for (Map.Entry<String, String> other : list.subList(1, list.size())) {
        problems.add(
            Problem.warning(
                other.getValue(),
                1,
                other.getKey()
                    + " and "
                    + list.get(0).getKey()
                    + " (in "
                    + list.get(0).getValue()
                    + ") are the same page: use one address everywhere"));
      }
    }
  }

  /**
   * The page an address shows: host without "www.", path without trailing slash, real parameters.
   */
  String page(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("www.") ? host.substring(4) : host;
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    List<String> parameters = new ArrayList<>();
    if (url.getRawQuery() != null) {
      for (String parameter : url.getRawQuery().split("&")) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (!parameter.isEmpty() && !tracks(name)) {
          parameters.add(parameter);
        }
      }
    }
    parameters.sort(null);
    return host + path + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
  }

  private boolean tracks(String name) {
    for (String t : tracking) {
      if (t.endsWith("*") ? name.startsWith(t.substring(0, t.length() - 1)) : name.equals(t)) {
        return true;
      }
    }
    return false;
  }
}
