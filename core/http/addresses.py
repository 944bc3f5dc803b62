"""Where a client can reach a server, when it listens on every address."""

from __future__ import annotations

import ipaddress
import socket

# Documentation addresses (RFC 5737, RFC 3849): a UDP socket "connected" to one
# sends nothing, but the kernel picks the local address it would route from.
_PROBE = {4: "192.0.2.1", 6: "2001:db8::1"}
_LOOPBACK = {4: "127.0.0.1", 6: "::1"}


def reachable_host(host: str) -> str:
    """``host`` itself, or for ``0.0.0.0`` / ``::`` this machine's address a client can use.

    The address is the one this machine would send from toward other
    networks; without a route, the loopback address (usable from here).
    """
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host  # a name: the client resolves it as the server did
    if not ip.is_unspecified:
        return host
    family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((_PROBE[ip.version], 9))
            address = str(probe.getsockname()[0])
    except OSError:
        return _LOOPBACK[ip.version]
    if ipaddress.ip_address(address).is_unspecified:
        return _LOOPBACK[ip.version]
    return address


def url_for(host: str, port: int) -> str:
    """``http://host:port``, brackets around an IPv6 literal."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
