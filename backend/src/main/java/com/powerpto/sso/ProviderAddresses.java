package com.powerpto.sso;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the API never calls when it fetches from an identity provider outside
 * development (issue 25, finding 3: any issuer was fetched, loopback and private ranges too):
 * loopback, unspecified, link-local (the cloud metadata service 169.254.169.254 among them),
 * private and unique-local ranges (fd00:ec2::254 is the metadata service over IPv6), carrier-grade
 * NAT, multicast and the other reserved IPv4 blocks. Pure: no resolution here.
 */
final class ProviderAddresses {

    private ProviderAddresses() {
    }

    /** Why {@code address} is refused, or empty when a provider may live there. */
    static Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (where cloud metadata services answer)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return reservedIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            return reservedIpv6(b);
        }
        return Optional.empty();
    }

    private static Optional<String> reservedIpv4(int a, int b, int c) {
        if (a == 0 || a >= 240) {
            return Optional.of("a reserved address");
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (a == 192 && b == 0 && c == 0 || a == 198 && (b == 18 || b == 19)) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> reservedIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local (private) address");
        }
        boolean leadingZeros = true;
        for (int i = 0; i < 12; i++) {
            leadingZeros &= b[i] == 0;
        }
        if (leadingZeros) {
            return Optional.of("an IPv4-compatible address"); // ::a.b.c.d reaches IPv4 space unchecked
        }
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return Optional.of("a NAT64 address"); // 64:ff9b::/96 embeds an IPv4 address
        }
        return Optional.empty();
    }
}
