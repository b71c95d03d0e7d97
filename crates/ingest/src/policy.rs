//! Which URLs a fetch may follow and which addresses it may connect to.
//!
//! Two rules, applied to the URL the user named, to every link found
//! inside fetched content (feed items, sitemap entries, JSON records that
//! only carry a URL) and to every redirect:
//!
//! - the **scheme rule**: only `http` and `https` URLs with a host are
//!   fetched; anything else (`file:`, `data:`, `ftp:`, a bare path, a glob)
//!   is refused, never opened;
//! - the **address policy**: with [`AddressPolicy::PublicOnly`], a host is
//!   resolved first and only public unicast addresses are connected to, so
//!   content cannot make the machine fetch from itself, its network or a
//!   cloud metadata service. The check runs on the resolved addresses
//!   (inside the HTTP client's resolver, so the address checked is the one
//!   connected to: a DNS answer cannot change in between) and again for
//!   each redirect, which goes through the same resolver.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};

/// Which network addresses fetches may reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AddressPolicy {
    /// Any address: the default of the command line, whose user names
    /// what is fetched (an intranet feed is a fair input there).
    #[default]
    Any,
    /// Public unicast addresses only: no loopback, private (RFC 1918, IPv6
    /// unique local), link-local (which holds the cloud metadata address
    /// 169.254.169.254), shared (100.64/10), unspecified, multicast,
    /// broadcast, documentation or reserved ranges, also when written as
    /// IPv4-mapped, NAT64 or 6to4 IPv6 addresses. For a service that
    /// fetches what others send it.
    PublicOnly,
}

impl AddressPolicy {
    /// Whether a connection to `ip` is allowed.
    pub fn allows(self, ip: IpAddr) -> bool {
        match self {
            AddressPolicy::Any => true,
            AddressPolicy::PublicOnly => is_public(ip),
        }
    }
}

/// Whether `ip` is a public unicast address (see [`AddressPolicy::PublicOnly`]).
///
/// ```
/// use crosswire_ingest::is_public;
/// assert!(is_public("93.184.216.34".parse().unwrap()));
/// assert!(!is_public("169.254.169.254".parse().unwrap()));
/// assert!(!is_public("::ffff:127.0.0.1".parse().unwrap()));
/// ```
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => public_v6(v6),
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let reserved = a == 0 // "this network", 0.0.0.0 included
        || ip.is_loopback() // 127/8
        || ip.is_private() // 10/8, 172.16/12, 192.168/16
        || ip.is_link_local() // 169.254/16: cloud metadata lives here
        || (a == 100 && (b & 0xc0) == 64) // 100.64/10, shared (carrier NAT, some metadata)
        || (a == 192 && b == 0 && c == 0) // 192.0.0/24, protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || (a == 198 && (b & 0xfe) == 18) // 198.18/15, benchmarking
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || a >= 224; // multicast, reserved, broadcast
    !reserved
}

fn public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // Addresses that carry an IPv4 address are judged by it.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let embedded =
        |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return public_v4(embedded(s[6], s[7])); // NAT64 64:ff9b::/96
    }
    if s[0] == 0x2002 {
        return public_v4(embedded(s[1], s[2])); // 6to4
    }
    let reserved = ip.is_unspecified()
        || ip.is_loopback()
        || s[..6] == [0, 0, 0, 0, 0, 0] // IPv4-compatible ::/96 (deprecated)
        || (s[0] & 0xfe00) == 0xfc00 // unique local fc00::/7 (fd00:ec2::254 too)
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] & 0xff00) == 0xff00 // multicast
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x2001 && s[1] < 0x0200) // 2001::/23, IETF protocol assignments (Teredo too)
        || s[0] == 0x0100 && s[1..4] == [0, 0, 0]; // discard-only 100::/64
    !reserved
}

/// Why a URL is not fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal(pub(crate) String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// Parses a URL and applies the scheme rule: `http` or `https`, with a host.
pub(crate) fn checked_url(raw: &str) -> Result<url::Url, Refusal> {
    let url = url::Url::parse(raw.trim()).map_err(|e| Refusal(format!("not a valid URL ({e})")))?;
    check_scheme(&url)?;
    Ok(url)
}

/// The scheme rule alone, for a URL already parsed (a redirect target).
pub(crate) fn check_scheme(url: &url::Url) -> Result<(), Refusal> {
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(Refusal(format!(
                "a {other}: URL is not fetched (only http and https are)"
            )))
        }
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Refusal("URL has no host".into()));
    }
    Ok(())
}

/// The HTTP client's resolver: resolves as the system does, then drops
/// the addresses the policy refuses. An answer left empty is an error
/// that names the refused addresses.
pub(crate) struct PolicyResolver(pub(crate) AddressPolicy);

impl ureq::Resolver for PolicyResolver {
    fn resolve(&self, netloc: &str) -> io::Result<Vec<SocketAddr>> {
        let all: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
        let allowed: Vec<SocketAddr> = all
            .iter()
            .copied()
            .filter(|a| self.0.allows(a.ip()))
            .collect();
        if allowed.is_empty() && !all.is_empty() {
            let shown: Vec<String> = all.iter().take(3).map(|a| a.ip().to_string()).collect();
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                Refusal(format!(
                    "address {} is not public (fetches are limited to public addresses)",
                    shown.join(", ")
                )),
            ));
        }
        Ok(allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public(s.parse().unwrap())
    }

    #[test]
    fn private_loopback_link_local_and_metadata_are_not_public() {
        for ip in [
            "127.0.0.1",
            "127.8.9.10",
            "0.0.0.0",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.100.100.200",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fe80::1",
            "fd00:ec2::254",
            "fc00::7",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
            "2002:7f00:1::",
            "ff02::1",
            "::127.0.0.1",
        ] {
            assert!(!public(ip), "{ip} counted as public");
        }
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(public(ip), "{ip} counted as not public");
        }
    }

    #[test]
    fn only_http_urls_with_a_host_pass_the_scheme_rule() {
        assert!(checked_url("https://news.example/a?b=1").is_ok());
        assert!(checked_url(" http://news.example/ ").is_ok());
        for bad in [
            "file:///etc/passwd",
            "data:text/html,x",
            "ftp://news.example/a",
            "/etc/passwd",
            "/etc/host*",
            "javascript:alert(1)",
            "http://",
            "gopher://x/",
        ] {
            assert!(checked_url(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn the_resolver_refuses_loopback_under_the_public_policy() {
        use ureq::Resolver;
        let e = PolicyResolver(AddressPolicy::PublicOnly)
            .resolve("127.0.0.1:80")
            .unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert!(e.to_string().contains("127.0.0.1"), "{e}");
        let ok = PolicyResolver(AddressPolicy::Any).resolve("127.0.0.1:80");
        assert_eq!(ok.map(|v| v.len()).ok(), Some(1));
    }
}
