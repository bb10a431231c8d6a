package ch.optout.understand;

/** The device a user says they follow the steps on. */
public enum Device {
  MOBILE,
  DESKTOP
}
