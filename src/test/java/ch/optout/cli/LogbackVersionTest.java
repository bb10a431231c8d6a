package ch.optout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The logging library shipped in the jar is past its published advisories (CVE-2025-11226,
 * CVE-2026-1225, CVE-2026-13006, the last fixed in 1.5.36), so that scanners stay quiet.
 */
class LogbackVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"logback-classic", "logback-core"})
  void logback_isAtLeastTheLastFixedRelease(String artifact) throws IOException {
    Properties pom = new Properties();
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/maven/ch.qos.logback/" + artifact + "/pom.properties")) {
      assertThat(in).as(artifact + " on the class path").isNotNull();
      pom.load(in);
    }

    int[] version =
        Arrays.stream(pom.getProperty("version").split("[.-]"))
            .limit(3)
            .mapToInt(Integer::parseInt)
            .toArray();

    assertThat(version).as(pom.getProperty("version")).isNotNull();
    assertThat(version[0] * 1_000_000 + version[1] * 1_000 + version[2])
        .as("%s %s", artifact, pom.getProperty("version"))
        .isGreaterThanOrEqualTo(1_005_036);
  }
}
