package dev.iamunit.eval.internal;

import java.math.BigInteger;

/**
 * IPv4 and IPv6 literals and CIDR blocks, parsed by hand: {@code InetAddress.getByName} would
 * resolve host names over the network, and a policy test must never touch the network.
 */
final class IpAddresses {

  /** A CIDR block; a bare address is a /32 or /128 block. */
  record Block(boolean v6, BigInteger network, int prefix) {
    boolean contains(Address address) {
      if (address.v6() != v6) {
        return false;
      }
      int bits = v6 ? 128 : 32;
      return address.value().shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
    }
  }

  record Address(boolean v6, BigInteger value) {}

  private IpAddresses() {}

  static Block block(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    Address address = address(slash < 0 ? value : value.substring(0, slash));
    if (address == null) {
      return null;
    }
    int bits = address.v6() ? 128 : 32;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (prefix < 0 || prefix > bits) {
        return null;
      }
    }
    return new Block(address.v6(), address.value(), prefix);
  }

  static Address address(String text) {
    return text.indexOf(':') >= 0 ? v6(text) : v4(text);
  }

  private static Address v4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int n = Integer.parseInt(octet);
      if (n > 255) {
        return null;
      }
      value = value << 8 | n;
    }
    return new Address(false, BigInteger.valueOf(value));
  }

  private static Address v6(String text) {
    String value = text;
    int zone = value.indexOf('%');
    if (zone >= 0) {
      value = value.substring(0, zone);
    }
    int[] groups = new int[8];
    int doubleColon = value.indexOf("::");
    if (doubleColon >= 0 && value.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String head = doubleColon >= 0 ? value.substring(0, doubleColon) : value;
    String tail = doubleColon >= 0 ? value.substring(doubleColon + 2) : "";
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (doubleColon < 0 ? total != 8 : total > 7) {
      return null;
    }
    System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
    BigInteger result = BigInteger.ZERO;
    for (int group : groups) {
      result = result.shiftLeft(16).or(BigInteger.valueOf(group));
    }
    return new Address(true, result);
  }

  /** Colon-separated hex groups; a trailing dotted IPv4 counts as two groups. */
  private static int[] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    int extra = parts[parts.length - 1].contains(".") ? 1 : 0;
    int[] groups = new int[parts.length + extra];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && extra == 1) {
        Address v4 = v4(part);
        if (v4 == null) {
          return null;
        }
        long bits = v4.value().longValue();
        groups[i] = (int) (bits >>> 16);
        groups[i + 1] = (int) (bits & 0xFFFF);
      } else {
        if (part.isEmpty() || part.length() > 4) {
          return null;
        }
        try {
          groups[i] = Integer.parseInt(part, 16);
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return groups;
  }
}
